package io.planeval.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test at the JVM's shared in-process Kafka broker. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // One more client setting (Kafka's own default), as an operator's TLS or SASL settings would come: the clients
        // planeval creates itself must receive it too.
        return Map.of("kafka.bootstrap.servers", TestKafkaBroker.shared().bootstrapServers(),
            "kafka.client.dns.lookup", "use_all_dns_ips");
    }

    @Override
    public void stop() {
        // The broker outlives a single test class; a JVM shutdown hook stops it.
    }
}
