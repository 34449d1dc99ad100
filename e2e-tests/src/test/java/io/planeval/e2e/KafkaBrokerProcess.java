package io.planeval.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

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
        try {
            Files.createDirectories(dataDir);
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", dataDir.resolve("logs").toString());
            p.put("auto.create.topics.enable", "false");
            p.put("offsets.topic.replication.factor", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            try (OutputStream out = Files.newOutputStream(config)) {
                p.store(out, "planeval e2e broker");
            }
            Process formatting = Processes.start("kafka-format", List.of(Processes.java(), "-cp", Processes.classpath(),
                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), Map.of());
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw new IllegalStateException("Formatting the broker's storage failed; see target/e2e-logs/kafka-format.log");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void start() {
        process = Processes.start("kafka", List.of(Processes.java(), "-Xmx512m", "-cp", Processes.classpath(),
            "kafka.Kafka", config.toString()), Map.of());
    }

    boolean listening() {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void stop() {
        Processes.stop(process);
    }
}
