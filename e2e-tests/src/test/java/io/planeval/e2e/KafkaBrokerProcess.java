package io.planeval.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.planeval.testsupport.TestKafkaBroker;

/** A single-node KRaft broker as its own process (kafka.Kafka), restartable on the same ports and data. */
final class KafkaBrokerProcess {

    private final Path dataDir = Processes.ROOT.resolve("e2e-tests/target/kafka");
    private final Path config = dataDir.resolve("server.properties");
    private final int port = Processes.freePort();
    private final int controllerPort = Processes.freePort();
    private Process process;

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void format() {
        Processes.deleteRecursively(dataDir);
        TestKafkaBroker.format(TestKafkaBroker.kraftProperties(port, controllerPort, dataDir.resolve("logs")), config);
    }

    void start() {
        process = Processes.start("kafka", List.of(Processes.java(), "-Xmx512m", "-cp", Processes.classpath(),
            "kafka.Kafka", config.toString()), Map.of());
    }

    boolean listening() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void stop() {
        Processes.stop(process);
    }
}
