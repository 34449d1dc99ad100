package io.planeval.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One packaged service ({@code target/quarkus-app/quarkus-run.jar}) as its own process, on a free port. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String name;
    /** The module whose packaged service this is. */
    private final String module;
    final int port = Processes.freePort();
    private final Map<String, String> environment;
    private Process process;

    ServiceProcess(String name, String jdbcUrl, Map<String, String> kafka, String realmUrl, Map<String, String> settings) {
        this.name = name;
        this.module = name;
        Map<String, String> environment = new HashMap<>(settings);
        // As deploy/jvm.options says: what the images and the local run set.
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        environment.putAll(kafka);
        environment.putAll(Map.of(
            // Where readers reach it: signing in and out answers only there (evaluation-service's dashboard).
            "PLANEVAL_EVALUATION_PUBLIC_URL", "http://127.0.0.1:" + port,
            "QUARKUS_HTTP_PORT", Integer.toString(port),
            "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
            "QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl));
        this.environment = Map.copyOf(environment);
    }

    private ServiceProcess(String module, String name, Map<String, String> environment) {
        this.name = name;
        this.module = module;
        Map<String, String> own = new HashMap<>(environment);
        own.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        own.computeIfPresent("PLANEVAL_EVALUATION_PUBLIC_URL", (setting, url) -> "http://127.0.0.1:" + port);
        this.environment = Map.copyOf(own);
    }

    /** Another packaged Quarkus application ({@code module/target/quarkus-app}) with this environment. */
    static ServiceProcess packaged(String module, String name, Map<String, String> environment) {
        return new ServiceProcess(module, name, environment);
    }

    /** Another instance of the same service: the same database, broker and realm, its own port, these settings too. */
    ServiceProcess twin(Map<String, String> settings) {
        Map<String, String> twin = new HashMap<>(environment);
        twin.putAll(settings);
        return new ServiceProcess(module, name + "-2", twin);
    }

    /** What the process wrote to its console. */
    List<String> log() {
        try {
            return Files.readAllLines(Processes.LOGS.resolve(name + ".log"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void start() {
        process = Processes.start(name, List.of(Processes.java(), "@" + Processes.ROOT.resolve("deploy/jvm.options"), "-jar",
            Processes.ROOT.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString()), environment);
    }

    boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    void stop() {
        Processes.stop(process);
    }

    /** Resident memory of the process (VmRSS), in KiB. */
    /** What {@code jcmd <pid> command…} prints about this JVM (e.g. VM.native_memory summary, when tracking is on). */
    String jcmd(String... command) {
        try {
            List<String> line = new java.util.ArrayList<>(List.of(Path.of(Processes.java()).resolveSibling("jcmd").toString(),
                Long.toString(process.pid())));
            line.addAll(List.of(command));
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            return out;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** The CPU time the service's process has used so far, in nanoseconds (user and system, every thread). */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
    }

    void kill() {
        Processes.kill(process);
    }

    /** The service's process, whose CPU the benchmark reads. */
    ProcessHandle handle() {
        return process.toHandle();
    }
}
