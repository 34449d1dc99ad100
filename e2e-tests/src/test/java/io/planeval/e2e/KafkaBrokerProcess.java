package io.planeval.e2e;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.planeval.contracts.Topics;
import io.planeval.testsupport.TestKafkaBroker;

/**
 * A single-node KRaft broker as its own process (kafka.Kafka), restartable on the same ports and data, secured as a
 * shared broker should be: every client authenticates with SASL/SCRAM as its own user, and each service may touch only
 * its own topics and consumer group (ACLs; nobody else is allowed anything). Passwords are new for every run.
 */
final class KafkaBrokerProcess {

    /**
     * What each service may do: write (and create) the topics it owns, read those it consumes, with its groups
     * (evaluation-service's second is its webhooks', which reads its own topic too).
     */
    private static final Map<String, Access> ACCESS = Map.of(
        "plan-service", new Access(List.of(Topics.PLANS), List.of(), List.of()),
        "indicator-service", new Access(List.of(Topics.INDICATORS, Topics.MEASUREMENTS), List.of(Topics.PLANS), List.of("indicator-service")),
        "evaluation-service", new Access(List.of(Topics.EVALUATIONS),
            List.of(Topics.PLANS, Topics.INDICATORS, Topics.MEASUREMENTS, Topics.EVALUATIONS),
            List.of("evaluation-service", "evaluation-service-webhooks")));

    private record Access(List<String> writes, List<String> reads, List<String> groups) {
    }

    private final Path dataDir = Processes.ROOT.resolve("e2e-tests/target/kafka");
    private final Path config = dataDir.resolve("server.properties");
    private final int port = Processes.freePort();
    private final int controllerPort = Processes.freePort();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private Process process;

    KafkaBrokerProcess() {
        passwords.put(TestKafkaBroker.ADMIN, password());
        ACCESS.keySet().forEach(service -> passwords.put(service, password()));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The settings a service connects with, as the environment variables Quarkus reads them from. */
    Map<String, String> clientEnvironment(String service) {
        return Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
            "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
            "KAFKA_SASL_MECHANISM", TestKafkaBroker.SCRAM,
            "KAFKA_SASL_JAAS_CONFIG", TestKafkaBroker.scramLogin(service, passwords.get(service)));
    }

    void format() {
        Processes.deleteRecursively(dataDir);
        TestKafkaBroker.format(TestKafkaBroker.securedKraftProperties(port, controllerPort, dataDir.resolve("logs"),
            passwords.get(TestKafkaBroker.ADMIN)), config, passwords);
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

    /** Gives each service its ACLs, as the broker's administrator (once; the broker keeps them across restarts). */
    void grantAccess() throws Exception {
        List<AclBinding> acls = new ArrayList<>();
        ACCESS.forEach((service, access) -> {
            for (String topic : access.writes()) {
                for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.WRITE, AclOperation.DESCRIBE)) {
                    acls.add(allow(service, ResourceType.TOPIC, topic, operation));
                }
            }
            for (String topic : access.reads()) {
                acls.add(allow(service, ResourceType.TOPIC, topic, AclOperation.READ));
            }
            for (String group : access.groups()) {
                acls.add(allow(service, ResourceType.GROUP, group, AclOperation.READ));
            }
        });
        try (Admin admin = Admin.create(clientSettings(TestKafkaBroker.ADMIN, passwords.get(TestKafkaBroker.ADMIN)))) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The settings of a Kafka client that logs in as {@code service}. */
    Map<String, Object> clientSettings(String service) {
        return clientSettings(service, passwords.get(service));
    }

    /** The settings of a Kafka client that logs in as this user with this password. */
    Map<String, Object> clientSettings(String user, String password) {
        return new HashMap<>(Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
            SaslConfigs.SASL_MECHANISM, TestKafkaBroker.SCRAM,
            SaslConfigs.SASL_JAAS_CONFIG, TestKafkaBroker.scramLogin(user, password)));
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
            new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private static String password() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    void stop() {
        Processes.stop(process);
    }

    /** The broker's process, whose CPU the benchmark reads. */
    ProcessHandle handle() {
        return process.toHandle();
    }
}
