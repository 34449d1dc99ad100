package io.planeval.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validating proxy in front of each service: Stoplight Prism ({@code prism proxy --errors}, from the npm registry
 * into .tools/ by deploy/local/tools.sh) with the service's own API document. A request or an answer the document does
 * not describe is turned into Prism's own error (422 for the request, 500 for the answer), and an answer with a status
 * the document does not list is logged as a violation: a tool nobody here wrote checks the documents against the
 * services.
 */
final class ContractProxies implements AutoCloseable {

    static final Path PRISM = Processes.ROOT.resolve(".tools/node_modules/.bin/prism");
    /** What Prism's own errors carry, so that they are never taken for the service's answers. */
    static final String PRISM_ERROR = "stoplight.io/prism/errors";

    private final Map<ServiceProcess, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();

    ContractProxies(List<ServiceProcess> services) {
        for (ServiceProcess service : services) {
            int port = Processes.freePort();
            ports.put(service, port);
            Path document = Processes.ROOT.resolve(service.name.replaceFirst("-2$", "") + "/target/openapi/openapi.yaml");
            processes.add(Processes.start("prism-" + service.name, List.of(PRISM.toString(), "proxy", "--errors",
                "-h", "127.0.0.1", "-p", Integer.toString(port), document.toString(), service.url()), Map.of()));
        }
        ports.values().forEach(port -> await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> listening(port)));
    }

    /** Where the service is reached through its proxy. */
    String url(ServiceProcess service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The violations each proxy logged (answers with a status its document does not list, and the like). */
    List<String> loggedViolations() {
        List<String> violations = new ArrayList<>();
        for (ServiceProcess service : ports.keySet()) {
            try {
                Files.readAllLines(Processes.LOGS.resolve("prism-" + service.name + ".log")).stream()
                    .map(line -> line.replaceAll("\u001B\\[[0-9;]*m", ""))
                    .filter(line -> line.contains("Violation:"))
                    .forEach(line -> violations.add(service.name + ": " + line.trim()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return violations;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        processes.forEach(Processes::stop);
    }
}
