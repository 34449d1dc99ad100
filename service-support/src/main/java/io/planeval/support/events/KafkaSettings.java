package io.planeval.support.events;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * The Kafka settings the operator gave Quarkus ({@code kafka.*}: bootstrap servers, TLS, SASL…), for the clients
 * planeval creates itself (the outbox relay's producer and admin, the rebuild's consumer), so that they connect the
 * way the Quarkus-managed ones do.
 */
@ApplicationScoped
public class KafkaSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** A fresh copy to add a client's own settings to. */
    public Map<String, Object> forClient() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.putIfAbsent("bootstrap.servers", "localhost:9092");
        return settings;
    }
}
