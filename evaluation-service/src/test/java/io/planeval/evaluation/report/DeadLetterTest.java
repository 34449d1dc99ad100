package io.planeval.evaluation.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.Topics;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeadLetterTest {

    @Inject
    EntityManager entityManager;

    @Test
    void anUnreadableEventIsKeptWithItsReasonAndTheOthersAreApplied() {
        String plan = "ev-deadletter";
        KafkaTestProducer.sendAll(List.of(
            new TestEvent(Topics.MEASUREMENTS, plan, EventTypes.MEASUREMENT_UPDATED, "{\"measurementId\": \"not a number\""),
            SampleEvents.plan(plan)));

        await().atMost(Duration.ofSeconds(30)).until(() ->
            given().when().get("/api/v1/plans/" + plan + "/evaluation").statusCode() == 200);
        Object[] kept = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT message_key, payload, reason FROM dead_letter_event WHERE message_key = :plan")
            .setParameter("plan", plan).getSingleResult());
        assertThat(kept[1]).isEqualTo("{\"measurementId\": \"not a number\"");
        assertThat((String) kept[2]).startsWith("Payload is not a MeasurementUpdated");
    }
}
