package io.planeval.evaluation.committee;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.support.digest.ContentHash;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A fixed committee report stays byte for byte as it was fixed, through later corrections and a rebuild of the read
 * model; what changed since is listed against it.
 */
@QuarkusTest
class FixedReportTest {

    static final String PLAN = "ev-fixed";
    static final String REPORTS = "/api/v1/plans/" + PLAN + "/reports";
    static final String NAME = "第39回 行財政改革評価・推進委員会";

    static byte[] bytes(String path) {
        return given().when().get(path).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void aFixedReportNeverChangesAndListsWhatChangedSince() {
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(PLAN));
        events.addAll(SampleEvents.indicators(PLAN));
        events.addAll(SampleEvents.measurements(PLAN, 880_000));
        KafkaTestProducer.sendAll(events);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> given().when()
            .get("/api/v1/plans/" + PLAN + "/evaluation/indicators/KGI1?fiscalYear=2024").then().extract().path("working.actual.revision") != null);

        // The plan requires causes for every miss: without them nothing is fixed, and each miss is named.
        given().contentType("application/json")
            .body("{\"name\": \"" + NAME + "\", \"fiscalYear\": 2024, \"asOf\": \"2025-07-17\"}")
            .when().post(REPORTS).then().statusCode(409).contentType("application/problem+json")
            .body("violations.field", hasItem("KGI4"))
            .body("violations.find { it.field == 'KGI4' }.reason", containsString("no causes written"));
        given().contentType("application/json")
            .body("{\"name\": \"" + NAME + "\", \"fiscalYear\": 2024, \"asOf\": \"2025-07-17\", \"acceptMissingNarratives\": true}")
            .when().post(REPORTS).then().statusCode(400).body("violations.field", equalTo(List.of("reason")));
        given().when().get(REPORTS).then().statusCode(200).body("items.size()", equalTo(0));

        String location = given().contentType("application/json")
            .body("{\"name\": \"" + NAME + "\", \"fiscalYear\": 2024, \"asOf\": \"2025-07-17\", "
                + "\"acceptMissingNarratives\": true, \"reason\": \"要因分析は次回委員会で報告する\"}")
            .when().post(REPORTS).then().statusCode(201)
            .body("unexplainedMisses.indicators", hasItem("KGI4"))
            .body("unexplainedMisses.reason", equalTo("要因分析は次回委員会で報告する"))
            .body("name", equalTo(NAME))
            .body("fiscalYearLabel", equalTo("令和6年度"))
            .body("asOf", equalTo("2025-07-17T14:59:59.999999Z"))
            .body("fixedBy.client", equalTo("planeval-ops"))
            .extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String report = REPORTS + "/" + id;
        String hash = given().when().get(report).then().statusCode(200).extract().path("contentHash");
        byte[] evaluation = bytes(report + "/evaluation");
        byte[] csv = bytes(report + "/evaluation.csv");
        // What was fixed is what the evaluation served for that year and moment.
        assertThat(evaluation).isEqualTo(bytes("/api/v1/plans/" + PLAN + "/evaluation?fiscalYear=2024&asOf=2025-07-17"));
        assertThat(csv).isEqualTo(bytes("/api/v1/plans/" + PLAN + "/evaluation.csv?fiscalYear=2024&asOf=2025-07-17"));
        assertThat(hash).isEqualTo(ContentHash.of(evaluation));
        given().when().get(report + "/changes").then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", nullValue());

        // The same request again is answered with the same report; the name again for another moment is a conflict.
        given().contentType("application/json").body("{\"name\": \"" + NAME + "\", \"fiscalYear\": 2024, \"asOf\": \"2025-07-17\"}")
            .when().post(REPORTS).then().statusCode(200).body("id", equalTo((int) id));
        given().contentType("application/json").body("{\"name\": \"" + NAME + "\", \"fiscalYear\": 2024, \"asOf\": \"2025-07-18\"}")
            .when().post(REPORTS).then().statusCode(409).contentType("application/problem+json")
            .body("detail", containsString("a fixed report never changes"));

        // A correction after the committee: the report stays, the change is listed with its reason.
        MeasurementUpdated correction = new MeasurementUpdated(889_999, PLAN, "KGI1", 2024, null, null, 2,
            new BigDecimal("25"), null, MeasurementStatus.FINAL, null, null, "test", null, "集計誤りの訂正", null, Instant.parse("2025-08-01T00:00:00Z"),
            SampleEvents.REPORTER, null);
        KafkaTestProducer.sendAll(List.of(new TestEvent(Topics.MEASUREMENTS, PLAN, EventTypes.MEASUREMENT_UPDATED,
            SampleEvents.write(correction))));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(report + "/changes").then().extract()
            .jsonPath().getList("items.code").contains("KGI1"));
        given().when().get(report + "/changes").then().statusCode(200)
            .body("items.code", equalTo(List.of("KGI1")))
            .body("items[0].from.actual.revision", equalTo(1))
            .body("items[0].to.actual.revision", equalTo(2))
            .body("items[0].to.actual.value", equalTo(25))
            .body("items[0].to.actual.correctionReason", equalTo("集計誤りの訂正"));
        assertThat(bytes(report + "/evaluation")).isEqualTo(evaluation);
        // The audit trail shows the correction with its reason.
        given().queryParam("limit", 1000).when().get("/api/v1/plans/" + PLAN + "/audit").then().statusCode(200)
            .body("items.find { it.kind == 'measurement' && it.code == 'KGI1' && it.number == 2 }.correctionReason", equalTo("集計誤りの訂正"));

        given().when().post("/api/v1/admin/rebuild").then().statusCode(200);
        assertThat(bytes(report + "/evaluation")).as("fixed evaluation after a rebuild").isEqualTo(evaluation);
        assertThat(bytes(report + "/evaluation.csv")).as("fixed CSV after a rebuild").isEqualTo(csv);
        given().when().get(REPORTS).then().statusCode(200)
            .body("items.id", equalTo(List.of((int) id)))
            .body("items.contentHash", equalTo(List.of(hash)));
        given().when().get(report + "/changes").then().statusCode(200).body("items.code", equalTo(List.of("KGI1")));
    }

    @Test
    void aBadRequestToFixIsRefusedAndFixesNothing() {
        KafkaTestProducer.sendAll(List.of(SampleEvents.plan(PLAN + "-refused")));
        String reports = "/api/v1/plans/" + PLAN + "-refused/reports";
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(reports).statusCode() == 200);
        given().contentType("application/json").body("{\"fiscalYear\": 2024}").when().post(reports).then().statusCode(400)
            .contentType("application/problem+json").body("violations.field", hasItem("name"));
        given().contentType("application/json").body("{\"name\": \"x\", \"asOf\": \"2999-01-01\"}").when().post(reports).then()
            .statusCode(400);
        given().contentType("application/json").body("{\"name\": \"x\", \"asOf\": \"yesterday\"}").when().post(reports).then()
            .statusCode(400).body("violations.field", hasItem("asOf"));
        given().contentType("application/json").body("{\"name\": \"x\", \"fiscalYear\": 2030}").when().post(reports).then()
            .statusCode(400).body("violations.field", hasItem("fiscalYear"));
        TestIdentity.as(TestIdentity.token("dashboard", null, List.of("reader"))).contentType("application/json")
            .body("{\"name\": \"x\"}").when().post(reports).then().statusCode(403);
        given().contentType("application/json").body("{\"name\": \"x\"}").when().post("/api/v1/plans/no-such-plan/reports").then()
            .statusCode(404);
        given().when().get(reports + "/12x").then().statusCode(404);
        given().when().get(reports).then().statusCode(200).body("items.size()", equalTo(0));
    }
}
