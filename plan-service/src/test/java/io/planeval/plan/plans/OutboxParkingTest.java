package io.planeval.plan.plans;

import static io.planeval.plan.plans.PlanApiTest.events;
import static io.planeval.plan.plans.PlanApiTest.gunmaPlan;
import static io.planeval.plan.plans.PlanApiTest.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An event Kafka refuses for good never blocks the ones after it. The API refuses changes too large to publish, so
 * such an event can only come from elsewhere (a limit lowered later, a broker configured otherwise): here it is
 * written into the outbox directly.
 */
@QuarkusTest
class OutboxParkingTest {

    @Inject
    EntityManager entityManager;

    @Test
    void anEventKafkaRefusesIsParkedAndTheEventsAfterItArePublished() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO outbox_event (seq, event_id, topic, message_key, type, payload, created_at)
                VALUES (nextval('outbox_event_seq'), :id, :topic, 'parking-too-large', 'planeval.plan.changed.v1',
                        :payload, :at)""")
            .setParameter("id", UUID.randomUUID())
            .setParameter("topic", Topics.PLANS)
            .setParameter("payload", "{\"padding\": \"" + "x".repeat(1_200_000) + "\"}")
            .setParameter("at", Instant.now())
            .executeUpdate());

        put("parking-after", gunmaPlan("parking-after"), null).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> events("parking-after").size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(parkReason()).contains("RecordTooLargeException"));
        given().when().get("/q/health/well").then().statusCode(503)
            .body("checks.find { it.name == 'parked events' }.data.outbox", equalTo(1));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private String parkReason() {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
            "SELECT park_reason FROM outbox_event WHERE message_key = 'parking-too-large'").getSingleResult());
    }
}
