package io.planeval.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Child processes of the test: started with their output in a log file, always stopped at the end. */
final class Processes {

    static final Path ROOT = Path.of(System.getProperty("planeval.root", "..")).toAbsolutePath().normalize();
    static final Path LOGS = ROOT.resolve("e2e-tests/target/e2e-logs");
    private static final List<Process> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Processes::stopAll, "e2e-stop-processes"));
    }

    private Processes() {
    }

    static Process start(String name, List<String> command, Map<String, String> environment) {
        try {
            Files.createDirectories(LOGS);
            ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            synchronized (STARTED) {
                STARTED.add(process);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops gracefully (SIGTERM), or kills after 20 s. */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills at once (SIGKILL), as a crash would. */
    static void kill(Process process) {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void stopAll() {
        List<Process> all;
        synchronized (STARTED) {
            all = new ArrayList<>(STARTED);
        }
        // Services before the broker, the way they were started in reverse.
        for (int i = all.size() - 1; i >= 0; i--) {
            stop(all.get(i));
        }
    }

    /** A tool run to its end (2 minutes at most) in {@code directory}: its exit code and everything it printed. */
    record Run(int exitCode, String output) {
    }

    static Run run(List<String> command, Path directory) {
        return run(command, directory, Map.of());
    }

    /** As {@link #run(List, Path)}, with these environment variables too. */
    static Run run(List<String> command, Path directory, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end: " + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classpath() {
        return System.getProperty("java.class.path");
    }

    private static final HttpClient READINESS = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build();

    /** Whether the URL answers 200 within two seconds: a process's readiness. */
    static boolean answersOk(String url) {
        try {
            return READINESS.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
