package io.planeval.indicator;

import static io.planeval.indicator.TestPlans.JSON;
import static io.planeval.indicator.TestPlans.kgi3;
import static io.planeval.indicator.TestPlans.kgi5;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.testsupport.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IndicatorApiTest {

    static final String PLAN = "ind-defs";

    @BeforeEach
    void plan() {
        TestPlans.publishR2R6Shaped(PLAN);
    }

    static List<IndicatorChanged> events(String code) {
        return KafkaTopicReader.readAll(Topics.INDICATORS).stream()
            .filter(r -> Topics.indicatorKey(PLAN, code).equals(r.key()))
            .map(r -> {
                try {
                    return JSON.readValue(r.value(), IndicatorChanged.class);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
    }

    @Test
    void definesAnIndicatorOnceAndPublishesEachChange() {
        given().contentType("application/json").body(kgi3()).when().put("/api/v1/plans/{p}/indicators/KGI3", PLAN)
            .then().statusCode(201).header("ETag", "\"1\"")
            .body("target.value", equalTo(40000))
            .body("target.fiscalYearLabel", equalTo("令和6年度"))
            .body("name", equalTo("デジタル化推進等による省力化時間"));
        given().contentType("application/json").body(kgi3()).when().put("/api/v1/plans/{p}/indicators/KGI3", PLAN)
            .then().statusCode(200).header("ETag", "\"1\"");
        given().contentType("application/json").body(kgi3().replace("40000", "40000.000"))
            .when().put("/api/v1/plans/{p}/indicators/KGI3", PLAN).then().statusCode(200).header("ETag", "\"1\"");
        given().contentType("application/json").header("If-Match", "\"1\"").body(kgi3().replace("40000", "45000.5"))
            .when().put("/api/v1/plans/{p}/indicators/KGI3", PLAN).then().statusCode(200).header("ETag", "\"2\"");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(events("KGI3")).extracting(IndicatorChanged::version).containsExactly(1L, 2L));
        IndicatorChanged last = events("KGI3").get(1);
        assertThat(last.indicator().targetValue()).isEqualByComparingTo(new BigDecimal("45000.5"));
        assertThat(last.indicator().unit()).isEqualTo("時間/年");
        assertThat(last.indicator().method()).isEqualTo(Method.RATIO);
    }

    @Test
    void aStaleIfMatchGets412() {
        TestPlans.define(PLAN, "KGI5", kgi5());
        given().contentType("application/json").header("If-Match", "\"7\"").body(kgi5().replace("増額確保", "減額"))
            .when().put("/api/v1/plans/{p}/indicators/KGI5", PLAN).then().statusCode(412)
            .contentType(startsWith("application/problem+json"));
        given().when().get("/api/v1/plans/{p}/indicators/KGI5", PLAN).then().statusCode(200)
            .body("target.text", equalTo("増額確保"));
    }

    @Test
    void listsByNode() {
        TestPlans.define(PLAN, "KGI5", kgi5());
        TestPlans.define(PLAN, "KPI-OT", """
            {"nodeCode": "GII", "kind": "kpi", "name": "職員1人あたりの時間外勤務時間数（月間）", "unit": "時間",
             "baseline": {"value": 13.5, "fiscalYear": 2019},
             "target": {"value": 10, "fiscalYear": 2024}, "direction": "lower_is_better",
             "milestones": [{"fiscalYear": 2023, "value": 11}, {"fiscalYear": 2022, "value": 12}]}""");
        given().queryParam("node", "GIII").when().get("/api/v1/plans/{p}/indicators", PLAN).then().statusCode(200)
            .body("items.code", equalTo(List.of("KGI5")));
        given().when().get("/api/v1/plans/{p}/indicators/KPI-OT", PLAN).then().statusCode(200)
            .body("method", equalTo("inverse_ratio"))
            .body("milestones.fiscalYear", equalTo(List.of(2022, 2023)))
            .body("baseline.fiscalYearLabel", equalTo("令和元年度"));
    }

    @Test
    void refusesWhatCannotBeEvaluated() {
        refused(kgi3().replace("\"GII\"", "\"G9\""), "nodeCode", "G9 is not a node of plan " + PLAN);
        refused(kgi5().replace("\"text\": \"増額確保\"", "\"text\": \"増額確保\", \"value\": 1"), "target.value",
            "a qualitative target has no value; give its text");
        refused(kgi3().replace("higher_is_better", "lower_is_better"), "method",
            "ratio (actual ÷ target) rewards a higher actual; where lower is better use inverse_ratio (target ÷ actual) or progress_from_baseline");
        refused(kgi3().replace("2024}", "2030}"), "target.fiscalYear", "2030 is outside plan " + PLAN + " (2020–2024)");
        refused(kgi3().replace("40000", "0.1234567"), "target.value", "0.1234567 has more than 6 decimal places; it would not be stored exactly");
        refused(kgi3().replace("\"kgi\"", "\"kri\""), "kind", "kri is not one of kgi, kpi");
        refused(kgi3().replace("\"method\": \"ratio\"", "\"method\": \"geometric\""), "method",
            "geometric is not one of ratio, inverse_ratio, progress_from_baseline, qualitative");
        refused(kgi3().replace("\"method\": \"ratio\"", "\"method\": \"progress_from_baseline\""), "baseline.value",
            "is required by progress_from_baseline ((actual − baseline) ÷ (target − baseline))");
        // A plan not known (yet): plan-service's event may be on the way, so the client is told to retry.
        given().contentType("application/json").body(kgi3()).when().put("/api/v1/plans/no-such-plan/indicators/X")
            .then().statusCode(409).contentType(startsWith("application/problem+json")).header("Retry-After", "1");
        given().when().get("/api/v1/plans/{p}/indicators/REFUSED", PLAN).then().statusCode(404);
    }

    private static void refused(String body, String field, String reason) {
        given().contentType("application/json").body(body).when().put("/api/v1/plans/{p}/indicators/REFUSED", PLAN)
            .then().statusCode(400).contentType(startsWith("application/problem+json"))
            .body("violations.field", hasItem(field))
            .body("violations.find { it.field == '" + field + "' }.reason", equalTo(reason));
    }
}
