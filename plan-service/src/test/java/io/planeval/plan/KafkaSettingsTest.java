package io.planeval.plan;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.planeval.support.events.KafkaSettings;
import io.quarkus.test.junit.QuarkusTest;

/** The Kafka clients planeval makes itself (outbox relay, rebuild) get every kafka.* setting, not only the servers. */
@QuarkusTest
class KafkaSettingsTest {

    @Inject
    KafkaSettings kafka;

    @Test
    void everyKafkaSettingReachesTheClientsPlanevalCreates() {
        assertThat(kafka.forClient())
            .containsKey("bootstrap.servers")
            .containsEntry("client.dns.lookup", "use_all_dns_ips");
    }
}
