package io.planeval.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keycloak as its own process, from its server distribution (unpacked by the build), with the planeval realm of
 * deploy/keycloak imported: the identity provider the services check tokens against, as in the local run.
 */
final class KeycloakProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Path REALM = Processes.ROOT.resolve("deploy/keycloak/planeval-realm.json");

    final int port = Processes.freePort();
    private final Path home;
    private Process process;

    KeycloakProcess() {
        try (var versions = Files.list(Processes.ROOT.resolve("e2e-tests/target/keycloak"))) {
            home = versions.filter(dir -> dir.getFileName().toString().startsWith("keycloak-")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak is not unpacked in e2e-tests/target/keycloak: run the build"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm the services take tokens from (their quarkus.oidc.auth-server-url). */
    String realmUrl() {
        return url() + "/realms/planeval";
    }

    /**
     * Starts it with the sample realm, whose dashboard client accepts sign-ins and sign-outs only at the dashboard's
     * exact addresses: the local run's (http://127.0.0.1:8083), here those of the dashboard under test.
     */
    void start(String dashboardUrl) {
        try {
            Processes.deleteRecursively(home.resolve("data"));
            Files.createDirectories(home.resolve("data/import"));
            Files.writeString(home.resolve("data/import/planeval-realm.json"),
                Files.readString(REALM).replace("http://127.0.0.1:8083/", dashboardUrl + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = Processes.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
            "--http-port", Integer.toString(port), "--http-host", "127.0.0.1", "--import-realm"), Map.of());
    }

    boolean ready() {
        return Processes.answersOk(realmUrl() + "/.well-known/openid-configuration");
    }

    /** An access token of a client of the realm (client-credentials grant, with the local-only secret of the realm file). */
    String token(String client) {
        try {
            String secret = null;
            for (JsonNode c : Api.JSON.readTree(REALM.toFile()).get("clients")) {
                if (client.equals(c.get("clientId").asText())) {
                    secret = c.get("secret").asText();
                }
            }
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("No token for " + client + ": " + reply.body());
            }
            return Api.JSON.readTree(reply.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        Processes.stop(process);
    }

    /** Keycloak's process (its launcher; the server is among its descendants), whose CPU the benchmark reads. */
    ProcessHandle handle() {
        return process.toHandle();
    }
}
