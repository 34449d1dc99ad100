package io.planeval.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.planeval.testsupport.PostgresDatabaseResource;

/**
 * The whole system as an operator runs it: a Kafka broker process (SASL and ACLs, as a shared broker is), Keycloak, an
 * SMTP server (GreenMail) and the three packaged services as processes, each service on a fresh database of the real PostgreSQL. Records how long each took to become ready.
 */
final class RunningSystem {

    final KafkaBrokerProcess broker = new KafkaBrokerProcess();
    final KeycloakProcess keycloak = new KeycloakProcess();
    final MailServerProcess mail = new MailServerProcess();
    final ServiceProcess plans;
    final ServiceProcess indicators;
    final ServiceProcess evaluation;
    final Map<String, Long> startupMillis = new LinkedHashMap<>();

    private RunningSystem(String databasePrefix, Map<String, String> settings) {
        Map<String, String> withMail = new LinkedHashMap<>(mail.serviceSettings());
        withMail.putAll(settings);
        plans = service("plan-service", databasePrefix + "_plan", settings);
        indicators = service("indicator-service", databasePrefix + "_indicator", settings);
        evaluation = service("evaluation-service", databasePrefix + "_evaluation", withMail);
    }

    private ServiceProcess service(String name, String database, Map<String, String> settings) {
        return new ServiceProcess(name, database(database), broker.clientEnvironment(name), keycloak.realmUrl(), settings);
    }

    static RunningSystem start(String databasePrefix) {
        return start(databasePrefix, Map.of());
    }

    /** The system with these settings (environment variables) for every service. */
    static RunningSystem start(String databasePrefix, Map<String, String> settings) {
        RunningSystem system = new RunningSystem(databasePrefix, settings);
        long started = System.nanoTime();
        system.keycloak.start(system.evaluation.url());
        system.mail.start();
        system.broker.format();
        system.broker.start();
        await().atMost(Duration.ofSeconds(60)).until(system.broker::listening);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(system.broker::grantAccess);
        system.took("kafka broker process", started);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(system.keycloak::ready);
        system.took("keycloak process (realm planeval)", started);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(system.mail::ready);
        Api.authorize(system.keycloak.token("planeval-ops"));
        for (ServiceProcess service : system.services()) {
            long serviceStarted = System.nanoTime();
            service.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(service::ready);
            system.took(service.name, serviceStarted);
        }
        return system;
    }

    /**
     * The benchmark's peer (e2e-tests/benchmark-peer, built by deploy/local/benchmark.sh) on a fresh database,
     * taking tokens of the same realm; started and ready.
     */
    ServiceProcess startPeer(String database) {
        ServiceProcess peer = ServiceProcess.packaged("e2e-tests/benchmark-peer", "benchmark-peer", Map.of(
            "QUARKUS_DATASOURCE_JDBC_URL", database(database),
            "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl()));
        peer.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(peer::ready);
        return peer;
    }

    List<ServiceProcess> services() {
        return List.of(plans, indicators, evaluation);
    }

    void stop() {
        for (ServiceProcess service : List.of(evaluation, indicators, plans)) {
            service.stop();
        }
        broker.stop();
        keycloak.stop();
        mail.stop();
    }

    void took(String what, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        startupMillis.put(what, millis);
        System.out.printf("[e2e] %s: %d ms%n", what, millis);
    }

    /** A fresh database on the real PostgreSQL, made as the tests' resource makes them. */
    static String database(String name) {
        PostgresDatabaseResource resource = new PostgresDatabaseResource();
        resource.init(Map.of("database", name));
        return resource.start().get("quarkus.datasource.jdbc.url");
    }
}
