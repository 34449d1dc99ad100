package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.testsupport.EventContract;
import io.planeval.testsupport.KafkaTestProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What indicator-service does with plan-service's events: keeps up, parks what it cannot apply, follows deleted nodes. */
@QuarkusTest
class PlanEventsTest {

    @Inject
    EntityManager entityManager;

    /** The reasons and attempts of the events parked under this key. */
    List<String> parked(String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
            .createNativeQuery("SELECT reason, attempts FROM parked_event WHERE message_key = :key")
            .setParameter("key", key).getResultList());
        return rows.stream().map(row -> row[1] + ": " + row[0]).toList();
    }

    boolean known(String planCode) {
        return given().when().get("/api/v1/plans/{p}/indicators", planCode).statusCode() == 200;
    }

    @Test
    void anEventThatCannotBeAppliedIsParkedAndTheNextOneIsApplied() {
        KafkaTestProducer.send(Topics.PLANS, "parked-unreadable", EventTypes.PLAN_CHANGED, "{not json");
        // JSON, but without the plan its contract requires: it can never be applied, so it is parked at once.
        KafkaTestProducer.send(Topics.PLANS, "parked-incomplete", EventTypes.PLAN_CHANGED,
            "{\"planCode\": \"parked-incomplete\", \"version\": 1, \"changedAt\": \"2025-07-17T00:00:00Z\", \"plan\": null}");
        TestPlans.publish("parked-after", 1, 2020, 2024, List.of("GI"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(parked("parked-unreadable")).singleElement().asString().startsWith("1: Payload is not a PlanChanged");
            assertThat(parked("parked-incomplete")).singleElement().asString().startsWith("1: Payload is not a PlanChanged")
                .contains("plan is required");
            assertThat(known("parked-after")).isTrue();
        });
        assertThat(known("parked-incomplete")).isFalse();
        given().when().get("/q/health/well").then().statusCode(503)
            .body("checks.find { it.name == 'parked events' }.status", equalTo("DOWN"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
            .body(containsString("planeval_events_parked_total{side=\"consumed\",topic=\"planeval.plans\"}"));
    }

    @Test
    void theGoldenSampleOfPlanChangedIsApplied() {
        KafkaTestProducer.send(Topics.PLANS, "gunma-2025-29", EventTypes.PLAN_CHANGED, EventContract.sample(EventTypes.PLAN_CHANGED));
        await().atMost(Duration.ofSeconds(30)).until(() -> known("gunma-2025-29"));
    }

    @Test
    void anEventWithAFieldThisServiceDoesNotKnowIsApplied() throws Exception {
        // A compatible change on the producer's side: one more field, at the top and inside the plan.
        var event = (ObjectNode) TestPlans.JSON.readTree(TestPlans.JSON.writeValueAsString(
            new PlanChanged("extended", 1, Instant.now(), null, new PlanChanged.Plan(
                "extended", "拡張", null, 2020, 2024, List.of("目標"), null, PlanStatus.ACTIVE, false, null, null,
                List.of(new PlanChanged.Node("G1", "目標１", "目標", null, 1, null, 1, null))))));
        event.put("publishedBy", "plan-service 2.0");
        ((ObjectNode) event.get("plan")).put("region", "群馬県");
        KafkaTestProducer.send(Topics.PLANS, "extended", EventTypes.PLAN_CHANGED, event.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> known("extended"));
        assertThat(parked("extended")).isEmpty();
    }

    @Test
    void anIndicatorWhoseNodeWasDeletedTakesNoMeasurementsUntilItHasANodeAgain() {
        String plan = "detaching";
        TestPlans.publish(plan, 1, 2020, 2024, List.of("GI", "GII", "GIII"));
        await().atMost(Duration.ofSeconds(30)).until(() -> known(plan));
        TestPlans.define(plan, "KGI5", TestPlans.kgi5());
        String measurement = "{\"fiscalYear\": 2024, \"outcome\": \"achieved\", \"status\": \"final\"}";
        String url = "/api/v1/plans/" + plan + "/indicators/KGI5/measurements";

        TestPlans.publish(plan, 2, 2020, 2024, List.of("GI", "GII"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
            given().contentType("application/json").body(measurement).when().post(url).statusCode() == 409);
        given().contentType("application/json").body(measurement).when().post(url).then().statusCode(409)
            .contentType(startsWith("application/problem+json"))
            .body("detail", startsWith("indicator KGI5 belongs to node GIII, which plan detaching no longer has (version 2)"));
        given().contentType("application/json")
            .body("[{\"planCode\": \"detaching\", \"indicatorCode\": \"KGI5\", \"fiscalYear\": 2024, \"outcome\": \"achieved\", \"status\": \"final\"}]")
            .when().post("/api/v1/measurements").then().statusCode(400)
            .body("violations[0].field", equalTo("[0].indicatorCode"));
        given().when().get(url).then().statusCode(200).body("items", empty());

        TestPlans.publish(plan, 3, 2020, 2024, List.of("GI", "GII", "GIII"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
            given().contentType("application/json").body(measurement).when().post(url).statusCode() == 201);
    }
}
