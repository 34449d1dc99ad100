package io.planeval.evaluation.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Under review, the evaluation counts only approved figures: a submitted one is shown beside the figure in force as
 * pending, and as of a moment what counted is what had been approved by then.
 */
@QuarkusTest
class ReviewedFiguresTest {

    static final String PLAN = "ev-reviewed";
    static final String KGI3 = "/api/v1/plans/" + PLAN + "/evaluation/indicators/KGI3";
    static final Instant FIRST = Instant.parse("2025-07-10T00:00:00Z");
    static final Instant SUBMITTED = Instant.parse("2025-07-11T00:00:00Z");
    static final Instant APPROVED = Instant.parse("2025-07-12T00:00:00Z");
    static final Instant RESUBMITTED = Instant.parse("2025-07-13T00:00:00Z");
    static final Instant RETURNED = Instant.parse("2025-07-14T00:00:00Z");

    static io.restassured.response.ValidatableResponse asOf(Instant moment) {
        return given().queryParam("fiscalYear", 2024).queryParam("asOf", moment.toString()).when().get(KGI3).then().statusCode(200);
    }

    @Test
    void onlyApprovedFiguresCountAndASubmittedOneIsPendingBesideIt() {
        KafkaTestProducer.sendAll(List.of(SampleEvents.plan(PLAN, true),
            SampleEvents.indicator(PLAN, "KGI3", SampleEvents.read(SampleEvents.SAMPLES.resolve("indicators/gunma-r2-r6/KGI3.json")), 1,
                SampleEvents.DEFINED),
            SampleEvents.measurement(PLAN, 660_001, "KGI3", 2024, 1, new BigDecimal("20000"), null, MeasurementStatus.FINAL,
                ReviewState.APPROVED, FIRST),
            SampleEvents.measurement(PLAN, 660_002, "KGI3", 2024, 2, new BigDecimal("75608"), null, MeasurementStatus.FINAL,
                ReviewState.SUBMITTED, SUBMITTED),
            SampleEvents.reviewed(PLAN, 660_002, "KGI3", 2024, 2, ReviewState.APPROVED, null, APPROVED),
            SampleEvents.measurement(PLAN, 660_003, "KGI3", 2024, 3, new BigDecimal("1"), null, MeasurementStatus.FINAL,
                ReviewState.SUBMITTED, RESUBMITTED),
            SampleEvents.reviewed(PLAN, 660_003, "KGI3", 2024, 3, ReviewState.RETURNED, "桁が違います", RETURNED)));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> given().queryParam("fiscalYear", 2024).when().get(KGI3)
            .then().extract().path("working.actual.revision").equals(2));

        // Submitted, not yet approved: the earlier figure counts, the new one waits beside it.
        asOf(SUBMITTED).body("working.actual.revision", equalTo(1)).body("attainment.display", equalTo("50%"))
            .body("pending.revision", equalTo(2)).body("pending.value", equalTo(75608)).body("pending.review.state", equalTo("submitted"));
        // Approved: it counts from the approval, which the working names.
        asOf(APPROVED).body("working.actual.revision", equalTo(2)).body("status", equalTo("achieved"))
            .body("working.actual.review.state", equalTo("approved"))
            .body("working.actual.review.decidedBy.client", equalTo("sample-steward-a"))
            .body("working.actual.review.decidedAt", equalTo("2025-07-12T00:00:00Z"))
            .body("pending", nullValue());
        // A newer figure submitted, then returned: pending until returned, never counted.
        asOf(RESUBMITTED).body("working.actual.revision", equalTo(2)).body("pending.revision", equalTo(3));
        asOf(RETURNED).body("working.actual.revision", equalTo(2)).body("pending", nullValue());
        given().queryParam("fiscalYear", 2024).when().get("/api/v1/plans/" + PLAN + "/evaluation").then().statusCode(200)
            .body("goals.find { it.code == 'GII' }.kgis.find { it.code == 'KGI3' }.working.actual.revision", equalTo(2));
        given().queryParam("limit", 1000).when().get("/api/v1/plans/" + PLAN + "/audit").then().statusCode(200)
            .body("items.findAll { it.kind == 'review' }.number", equalTo(List.of(3, 2)))
            .body("items.find { it.kind == 'review' }.decision", equalTo("returned"))
            .body("items.find { it.kind == 'review' }.reason", equalTo("桁が違います"));
        // One indicator's trail: only its entries.
        given().queryParam("indicator", "KGI3").when().get("/api/v1/plans/" + PLAN + "/audit").then().statusCode(200)
            .body("items.code", everyItem(equalTo("KGI3")))
            .body("items.findAll { it.kind == 'review' }.number", equalTo(List.of(3, 2)));
        given().queryParam("indicator", "NO-SUCH").when().get("/api/v1/plans/" + PLAN + "/audit").then().statusCode(200)
            .body("items.size()", equalTo(0));

        // The dashboard says so too: the figure waiting beside the one in force, and each revision's review.
        String waiting = TestIdentity.as(null).queryParam("fiscalYear", 2024).queryParam("asOf", RESUBMITTED.toString())
            .when().get("/plans/" + PLAN + "/indicators/KGI3").then().statusCode(200).extract().asString();
        assertThat(waiting).contains("承認待ちの報告（集計に含まれていません）：1（3版）", "<th scope=\"col\">審査</th>",
            "<td class=\"review\">承認待ち</td>", "<td class=\"review\">承認済み</td>");
        assertThat(TestIdentity.as(null).queryParam("fiscalYear", 2024).when().get("/plans/" + PLAN + "/indicators/KGI3").then()
            .statusCode(200).extract().asString()).contains("<td class=\"review\">差し戻し</td>").doesNotContain("承認待ちの報告");
    }
}
