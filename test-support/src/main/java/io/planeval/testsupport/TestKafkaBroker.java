package io.planeval.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A single-node KRaft Kafka broker in the test JVM, shared by every test of that JVM.
 * Tests may stop and restart it (same ports, same data) to prove that nothing is lost while it is down.
 */
public final class TestKafkaBroker {

    /** Held so the JUL loggers (and their quieter level) are not garbage-collected. */
    private static final List<Logger> QUIET_LOGGERS = Stream.of("kafka", "org.apache.kafka", "state.change.logger")
        .map(Logger::getLogger).toList();

    /** The SASL mechanism of a secured broker. */
    public static final String SCRAM = "SCRAM-SHA-512";
    /** A secured broker's super user: the broker itself, and whoever grants the others their ACLs. */
    public static final String ADMIN = "admin";

    private static TestKafkaBroker instance;

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private TestKafkaBroker(Path dataDir) {
        this.dataDir = dataDir;
        this.brokerPort = freePort();
        this.controllerPort = freePort();
    }

    /** The JVM's broker, started on first use. */
    public static synchronized TestKafkaBroker shared() {
        if (instance == null) {
            QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
            Path dir = Path.of("target", "kafka-test-broker").toAbsolutePath();
            deleteRecursively(dir);
            instance = new TestKafkaBroker(dir);
            instance.format();
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-kafka-broker-stop"));
        }
        return instance;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(properties()), Time.SYSTEM);
        started.startup();
        server = started;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private Properties properties() {
        return kraftProperties(brokerPort, controllerPort, dataDir.resolve("logs"));
    }

    /** A single-node KRaft broker and controller on loopback: the settings of every planeval test broker. */
    public static Properties kraftProperties(int brokerPort, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        // Services create their own topics with the right settings (compaction); never by accident.
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return p;
    }

    /**
     * The same broker requiring every client to authenticate (SASL/SCRAM-SHA-512) and authorising every operation by
     * ACL: only {@code admin} (the broker itself) is a super user, anybody else may do only what an ACL allows.
     */
    public static Properties securedKraftProperties(int brokerPort, int controllerPort, Path logDir, String adminPassword) {
        Properties p = kraftProperties(brokerPort, controllerPort, logDir);
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", SCRAM);
        p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", scramLogin(ADMIN, adminPassword));
        // The controller listener cannot take SCRAM (its credentials live in the metadata it serves): PLAIN, admin only.
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"" + ADMIN + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The JAAS line a client logs in with: {@code sasl.jaas.config} for SCRAM. */
    public static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
            + password + "\";";
    }

    private void format() {
        format(properties(), dataDir.resolve("server.properties"), Map.of());
    }

    /**
     * Writes the broker's configuration to {@code config} and formats its storage with a new cluster id and these
     * SCRAM users (name → password).
     */
    public static void format(Properties properties, Path config, Map<String, String> scramUsers) {
        try {
            Files.createDirectories(config.getParent());
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "planeval test broker");
            }
            List<String> arguments = new ArrayList<>(List.of(
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"));
            scramUsers.forEach((user, password) -> arguments.addAll(List.of(
                "--add-scram", SCRAM + "=[name=" + user + ",password=" + password + "]")));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = StorageTool.execute(arguments.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("Formatting the test broker's storage failed: "
                    + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
