package io.planeval.evaluation.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.Topics;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.EventContract;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ParkedEventTest {

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
                "SELECT message_key, convert_from(payload, 'UTF8'), reason FROM parked_event WHERE message_key = :plan")
            .setParameter("plan", plan).getSingleResult());
        assertThat(kept[1]).isEqualTo("{\"measurementId\": \"not a number\"");
        assertThat((String) kept[2]).startsWith("Payload is not a MeasurementUpdated");
    }

    @Test
    void anIndicatorWithAMethodOutsideTheVocabularyIsParkedNotEvaluatedSomeOtherWay() {
        String plan = "ev-unknown-method";
        String unknown = EventContract.sample(EventTypes.INDICATOR_CHANGED).replace("gunma-r2-r6", plan).replace("\"ratio\"", "\"geometric\"");
        KafkaTestProducer.sendAll(List.of(new TestEvent(Topics.INDICATORS, plan + "/KGI3", EventTypes.INDICATOR_CHANGED, unknown),
            SampleEvents.plan(plan)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/api/v1/plans/" + plan + "/evaluation").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            @SuppressWarnings("unchecked")
            List<Object> reasons = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT reason FROM parked_event WHERE message_key = :key").setParameter("key", plan + "/KGI3").getResultList());
            assertThat(reasons).singleElement().asString().isEqualTo("Payload is not a IndicatorChanged: indicator.method: "
                + "geometric is not one of ratio, inverse_ratio, progress_from_baseline, qualitative");
        });
        given().when().get("/api/v1/plans/" + plan + "/evaluation/indicators/KGI3").then().statusCode(404);
    }

    @Test
    void theGoldenSamplesAreApplied() {
        KafkaTestProducer.sendAll(List.of(
            new TestEvent(Topics.INDICATORS, "gunma-r2-r6/KGI3", EventTypes.INDICATOR_CHANGED, EventContract.sample(EventTypes.INDICATOR_CHANGED)),
            new TestEvent(Topics.MEASUREMENTS, "gunma-r2-r6", EventTypes.MEASUREMENT_UPDATED, EventContract.sample(EventTypes.MEASUREMENT_UPDATED)),
            new TestEvent(Topics.PLANS, "gunma-2025-29", EventTypes.PLAN_CHANGED, EventContract.sample(EventTypes.PLAN_CHANGED))));
        await().atMost(Duration.ofSeconds(30)).until(() ->
            given().when().get("/api/v1/plans/gunma-2025-29/evaluation").statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
            .createNativeQuery("""
                SELECT (SELECT count(*) FROM indicator_version WHERE plan_code = 'gunma-r2-r6' AND indicator_code = 'KGI3')
                     + (SELECT count(*) FROM measurement WHERE plan_code = 'gunma-r2-r6' AND indicator_code = 'KGI3')""")
            .getSingleResult()).intValue() == 2));
    }

    @Test
    void anEventWithoutWhatItsContractRequiresIsParkedAtOnceAndTheOthersAreApplied() {
        String incomplete = "ev-incomplete";
        String fine = "ev-after-incomplete";
        KafkaTestProducer.sendAll(List.of(
            new TestEvent(Topics.PLANS, incomplete, EventTypes.PLAN_CHANGED,
                "{\"planCode\": \"ev-incomplete\", \"version\": 1, \"changedAt\": \"2025-06-01T00:00:00Z\", \"plan\": null}"),
            SampleEvents.plan(fine)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
            given().when().get("/api/v1/plans/" + fine + "/evaluation").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(parked(incomplete)).singleElement().asString().startsWith("1: Payload is not a PlanChanged")
                .contains("plan is required"));
        given().when().get("/q/health/well").then().statusCode(503);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * A failure that is not in the event (here a fault in the database that an operator mends) is never a reason to set
     * a figure aside: the event is retried, the instance says what fails, and it is applied once the fault is gone.
     */
    @Test
    void anEventThatFailsForAReasonOutsideItIsRetriedNeverParkedAndAppliedOnceTheCauseIsMended() {
        String plan = "ev-failing";
        List<TestEvent> events = SampleEvents.all(plan, 9_100_000);
        long measurements = events.stream().filter(e -> e.topic().equals(Topics.MEASUREMENTS)).count();
        execute("""
            CREATE FUNCTION refuse_ev_failing() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.plan_code = 'ev-failing' THEN RAISE EXCEPTION 'a fault an operator mends'; END IF;
                RETURN NEW;
            END $$""");
        execute("CREATE TRIGGER refuse_ev_failing BEFORE INSERT ON measurement FOR EACH ROW EXECUTE FUNCTION refuse_ev_failing()");
        try {
            KafkaTestProducer.sendAll(events);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/well").then()
                .statusCode(503)
                .body("checks.find { it.name == 'events applying' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'events applying' }.data.toString()", containsString("a fault an operator mends")));
            given().when().get("/q/metrics").then().body(containsString("planeval_events_failing "));
        } finally {
            execute("DROP TRIGGER refuse_ev_failing ON measurement");
            execute("DROP FUNCTION refuse_ev_failing()");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
            .createNativeQuery("SELECT count(*) FROM measurement WHERE plan_code = :plan").setParameter("plan", plan)
            .getSingleResult()).longValue()) == measurements);
        assertThat(parked(plan)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/health").then()
            .body("checks.find { it.name == 'events applying' }.status", equalTo("UP")));
    }

    /** The attempts and reasons of the events parked under this key. */
    private List<String> parked(String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
            .createNativeQuery("SELECT reason, attempts FROM parked_event WHERE message_key = :key")
            .setParameter("key", key).getResultList());
        return rows.stream().map(row -> row[1] + ": " + row[0]).toList();
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
    }
}
