package io.planeval.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test at the JVM's shared in-process Kafka broker. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestKafkaBroker.shared().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives a single test class; a JVM shutdown hook stops it.
    }
}
