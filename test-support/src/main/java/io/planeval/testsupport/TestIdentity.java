package io.planeval.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Real signed bearer tokens for the tests, without an identity provider: the service under test checks each token's
 * RS256 signature against the test public key (planeval-test-keys/), exactly as it checks Keycloak's in production
 * against the realm's keys. The claims are Keycloak's: roles in {@code realm_access.roles}, the client in
 * {@code azp}, the organisation in {@code org}.
 */
public class TestIdentity implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://planeval.test/realms/planeval";
    /** A client the tests' services allow only a few writes a minute, to show the limit. */
    public static final String LIMITED_CLIENT = "limited-client";
    public static final int LIMITED_CLIENT_WRITES_PER_MINUTE = 3;
    /** The audience planeval's services take tokens for. */
    public static final String AUDIENCE = "planeval-api";
    public static final List<String> EVERY_ROLE = List.of("plan-admin", "indicator-steward", "reporter", "reader", "ops");

    @Override
    public Map<String, String> start() {
        return Map.of(
            "quarkus.oidc.auth-server-url", "",
            "quarkus.oidc.public-key", resource("public-key.pem")
                .replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", ""),
            "quarkus.oidc.token.issuer", ISSUER,
            // The tests write far more than a county system would; only the limited client shows the limit.
            "planeval.write-limit.per-minute", "0",
            "planeval.write-limit.clients." + LIMITED_CLIENT, Integer.toString(LIMITED_CLIENT_WRITES_PER_MINUTE));
    }

    @Override
    public void stop() {
        // Nothing to stop: there is no server.
    }

    /** A token of the operations client, which holds every role. */
    public static String ops() {
        return token("planeval-ops", null, EVERY_ROLE);
    }

    /** A request with this token; null for one without any. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", token == null ? "" : "Bearer " + token);
    }

    /** A token of a client of an organisation (null for none) with these roles. */
    public static String token(String client, String organisation, List<String> roles) {
        return token(client, organisation, roles, AUDIENCE);
    }

    /** A token as {@link #token(String, String, List)} gives, for another audience. */
    public static String token(String client, String organisation, List<String> roles, String audience) {
        var claims = Jwt.issuer(ISSUER)
            .audience(audience)
            .subject("service-account-" + client)
            .claim("azp", client)
            .claim("realm_access", Map.of("roles", roles))
            .expiresIn(3600);
        if (organisation != null) {
            claims.claim("org", organisation);
        }
        return claims.jws().keyId("planeval-test").sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(resource("private-key.pem"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestIdentity.class.getResourceAsStream("/planeval-test-keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
