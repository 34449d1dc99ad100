package io.planeval.indicator.measurements;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.Topics;
import io.planeval.indicator.TestPlans;
import io.planeval.testsupport.EventContract;
import io.planeval.testsupport.KafkaTopicReader;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Approval of reported figures: submitted, returned, corrected, approved; four eyes; the reviewer's queue; the events. */
@QuarkusTest
class ReviewTest {

    static final String PLAN = "rv-plan";
    static final String INDICATOR = """
        {"nodeCode": "GII", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
         "target": {"value": 40000, "fiscalYear": 2024}, "direction": "higher_is_better", "organisation": "org-a"}""";
    static final String MEASUREMENTS = "/api/v1/plans/" + PLAN + "/indicators/KGI3/measurements";

    static String reporterA() {
        return TestIdentity.token("reporter-a", "org-a", List.of("reporter", "reader"));
    }

    static String stewardA() {
        return TestIdentity.token("steward-a", "org-a", List.of("indicator-steward", "reader"));
    }

    static long post(String token, String value) {
        return ((Number) TestIdentity.as(token).contentType(ContentType.JSON)
            .body("{\"fiscalYear\": 2024, \"value\": " + value + ", \"status\": \"final\"}")
            .when().post(MEASUREMENTS).then().statusCode(201)
            .body("review.state", equalTo("submitted"))
            .extract().path("id")).longValue();
    }

    static io.restassured.response.ValidatableResponse review(String token, long id, Map<String, Object> decision) {
        return TestIdentity.as(token).contentType(ContentType.JSON).body(decision)
            .when().post(MEASUREMENTS + "/" + id + "/review").then();
    }

    @Test
    void aSubmittedFigureIsReturnedThenCorrectedAndApprovedByAnotherPerson() {
        TestPlans.publishReviewed(PLAN);
        TestPlans.define(PLAN, "KGI3", INDICATOR);
        long first = post(reporterA(), "3000");

        // Nobody outside organisation A's stewards and the plan admins decides; the reporter cannot either.
        review(reporterA(), first, Map.of("decision", "approved")).statusCode(403);
        review(TestIdentity.token("steward-b", "org-b", List.of("indicator-steward")), first, Map.of("decision", "approved"))
            .statusCode(403).contentType("application/problem+json").body("violations[0].field", equalTo("indicatorCode"));
        // A steward who posted a figure does not review it (four eyes), and does not see it in its queue.
        String postingSteward = TestIdentity.token("steward-a2", "org-a", List.of("reporter", "indicator-steward", "reader"));
        long own = post(postingSteward, "3100");
        review(postingSteward, own, Map.of("decision", "approved")).statusCode(403).body("violations[0].field", equalTo("measurementId"))
            .body("detail", containsString("four eyes"));
        TestIdentity.as(postingSteward).when().get("/api/v1/plans/" + PLAN + "/reviews").then().statusCode(200)
            .body("items.id", hasItem((int) first)).body("items.id", not(hasItem((int) own)));
        TestIdentity.as(stewardA()).when().get("/api/v1/plans/" + PLAN + "/reviews").then().statusCode(200)
            .body("items.id", equalTo(List.of((int) first, (int) own)));
        TestIdentity.as(stewardA()).queryParam("organisation", "org-b").when().get("/api/v1/plans/" + PLAN + "/reviews").then()
            .statusCode(403).body("violations[0].field", equalTo("organisation"));

        // Bad decisions change nothing.
        review(stewardA(), first, Map.of("decision", "returned")).statusCode(400).body("violations[0].field", equalTo("reason"));
        review(stewardA(), first, Map.of("decision", "maybe")).statusCode(400).body("violations[0].field", equalTo("decision"));
        review(stewardA(), first, Map.of("decision", "submitted")).statusCode(400).body("violations[0].field", equalTo("decision"));
        review(stewardA(), first, Map.of()).statusCode(400).body("violations[0].field", equalTo("decision"));
        review(stewardA(), 987_654_321L, Map.of("decision", "approved")).statusCode(404);

        review(stewardA(), first, Map.of("decision", "returned", "reason", "単位が時間ではなく分で入力されています")).statusCode(200)
            .body("review.state", equalTo("returned")).body("review.decidedBy.client", equalTo("steward-a"))
            .body("review.reason", equalTo("単位が時間ではなく分で入力されています"));
        review(stewardA(), first, Map.of("decision", "approved")).statusCode(409).body("detail", containsString("final"));

        long corrected = post(reporterA(), "30000");
        review(stewardA(), corrected, Map.of("decision", "approved")).statusCode(200)
            .body("review.state", equalTo("approved")).body("review.decidedAt", notNullValue());
        TestIdentity.as(stewardA()).when().get("/api/v1/plans/" + PLAN + "/reviews").then().statusCode(200)
            .body("items.id", equalTo(List.of((int) own)));
        given().queryParam("fiscalYear", 2024).when().get(MEASUREMENTS).then().statusCode(200)
            .body("items.find { it.id == " + first + " }.review.state", equalTo("returned"))
            .body("items.find { it.id == " + corrected + " }.review.state", equalTo("approved"))
            .body("items.find { it.id == " + own + " }.review.state", equalTo("submitted"));

        // Each decision is published after its revision, matching its schema.
        List<String> decided = KafkaTopicReader.readAll(Topics.MEASUREMENTS).stream()
            .filter(r -> PLAN.equals(r.key()) && EventTypes.MEASUREMENT_REVIEWED.equals(
                new String(r.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8)))
            .map(r -> r.value()).toList();
        assertThat(decided).hasSize(2);
        assertThat(decided.get(0)).contains("\"decision\":\"returned\"").contains("\"measurementId\":" + first);
        assertThat(decided.get(1)).contains("\"decision\":\"approved\"").contains("\"measurementId\":" + corrected);
        assertThat(EventContract.assertPublishedMatch(Topics.MEASUREMENTS, "/planeval/indicator-service")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aFigureOfAPlanWithoutReviewCountsAtOnceAndTakesNoDecision() {
        TestPlans.publishR2R6Shaped("rv-none");
        TestPlans.define("rv-none", "KGI3", INDICATOR);
        long id = ((Number) TestIdentity.as(reporterA()).contentType(ContentType.JSON)
            .body("{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}")
            .when().post("/api/v1/plans/rv-none/indicators/KGI3/measurements").then().statusCode(201)
            .body("review.state", equalTo("approved")).extract().path("id")).longValue();
        TestIdentity.as(stewardA()).contentType(ContentType.JSON).body(Map.of("decision", "approved"))
            .when().post("/api/v1/plans/rv-none/indicators/KGI3/measurements/" + id + "/review").then().statusCode(409)
            .body("detail", containsString("no review"));
        TestIdentity.as(stewardA()).when().get("/api/v1/plans/rv-none/reviews").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
