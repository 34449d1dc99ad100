package io.planeval.evaluation.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Indicators computed from others: exact decimals, the working with each input's figure and revision, recomputed when
 * an input changes (a chain of two), every moment keeping what was computed then, and a rebuild computing the same.
 */
@QuarkusTest
class ComputedIndicatorTest {

    static final String PLAN = "ev-computed";
    static final Instant FIRST = Instant.parse("2025-07-10T00:00:00Z");
    static final Instant CORRECTED = Instant.parse("2025-08-01T00:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    static TestEvent define(String code, String json) throws Exception {
        JsonNode d = SampleEvents.JSON.readTree(json);
        return SampleEvents.indicator(PLAN, code, d, 1, SampleEvents.DEFINED);
    }

    static JsonPath result(String code, String query) {
        return JsonPath.from(given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators/" + code + "?fiscalYear=2024" + query)
            .then().statusCode(200).extract().asString());
    }

    @Test
    void aRateOfTwoIndicatorsAndARateOfThatFollowTheirInputsAtEveryMoment() throws Exception {
        String counted = """
            {"nodeCode": "GI", "kind": "kpi", "name": "%s", "unit": "件", "direction": "higher_is_better"}""";
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(PLAN));
        events.add(define("PUBLISHED", counted.formatted("公開数")));
        events.add(define("HELD", counted.formatted("保有数")));
        events.add(define("RATE", """
            {"nodeCode": "GI", "kind": "kpi", "name": "公開率", "unit": "％", "target": {"value": 100, "fiscalYear": 2024},
             "direction": "higher_is_better", "formula": {"expression": "{PUBLISHED} / {HELD} * 100", "decimals": 1}}"""));
        events.add(define("DOUBLE", """
            {"nodeCode": "GI", "kind": "kpi", "name": "公開率の二倍", "unit": "％", "target": {"value": 150, "fiscalYear": 2024},
             "direction": "higher_is_better", "formula": {"expression": "{RATE} * 2"}}"""));
        events.add(SampleEvents.measurement(PLAN, 970_001, "PUBLISHED", 2024, 1, new BigDecimal("138"), null, MeasurementStatus.FINAL, FIRST));
        events.add(SampleEvents.measurement(PLAN, 970_002, "HELD", 2024, 1, new BigDecimal("214"), null, MeasurementStatus.PRELIMINARY, FIRST));
        KafkaTestProducer.sendAll(events);

        // 138 ÷ 214 × 100 = 64.4859…, 64.5 to one place; twice that 129.
        await().atMost(Duration.ofSeconds(30)).until(() -> "not_achieved".equals(resultOrNull("DOUBLE")));
        JsonPath rate = result("RATE", "");
        assertThat(rate.getString("working.actual.value")).isEqualTo("64.5");
        assertThat(rate.getString("working.actual.status")).isEqualTo("preliminary");
        assertThat(rate.getString("working.actual.computed.working")).isEqualTo("(138 ÷ 214) × 100 = 64.5");
        assertThat(rate.getList("working.actual.computed.inputs.code")).containsExactly("PUBLISHED", "HELD");
        assertThat(rate.getList("working.actual.computed.inputs.revision", Integer.class)).containsExactly(1, 1);
        assertThat(rate.getString("working.formula")).isEqualTo("64.5 ÷ 100 = 64.50%");
        assertThat(result("DOUBLE", "").getString("working.actual.value")).isEqualTo("129");
        assertThat(recalculated("DOUBLE")).isEqualByComparingTo("86");

        // A correction of one input: both computed indicators follow, and the moment before keeps the old figures.
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(PLAN, 970_003, "PUBLISHED", 2024, 2, new BigDecimal("150"), null,
            MeasurementStatus.FINAL, CORRECTED)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "70.1".equals(result("RATE", "").getString("working.actual.value")));
        assertThat(result("DOUBLE", "").getString("working.actual.value")).isEqualTo("140.2");
        assertThat(result("RATE", "&asOf=2025-07-17").getString("working.actual.value")).isEqualTo("64.5");
        // The recalculation reached the indicator two steps away, whose result the live stream and events read.
        await().atMost(Duration.ofSeconds(10)).until(() -> recalculated("DOUBLE").compareTo(new BigDecimal("93.4666666667")) == 0);

        // A year with one input missing is being tallied, and says what it waits for.
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(PLAN, 970_004, "PUBLISHED", 2023, 1, new BigDecimal("100"), null,
            MeasurementStatus.FINAL, CORRECTED)));
        await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.from(given().when()
            .get("/api/v1/plans/" + PLAN + "/evaluation/indicators/RATE?fiscalYear=2023").then().extract().asString())
            .getString("working.actual.computed.working") != null);
        JsonPath waiting = JsonPath.from(given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators/RATE?fiscalYear=2023")
            .then().extract().asString());
        assertThat(waiting.getString("working.actual.computed.working")).isEqualTo("(100 ÷ {HELD}) × 100: waiting for HELD");

        // A rebuild from the topics computes the same.
        String before = given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators?fiscalYear=2024").then().extract().asString();
        BigDecimal doubleBefore = recalculated("DOUBLE");
        given().when().post("/api/v1/admin/rebuild").then().statusCode(200);
        assertThat(given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators?fiscalYear=2024").then().extract().asString())
            .isEqualTo(before);
        assertThat(recalculated("DOUBLE")).isEqualByComparingTo(doubleBefore);
    }

    private static String resultOrNull(String code) {
        var response = given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators/" + code + "?fiscalYear=2024").then().extract();
        return response.statusCode() == 200 ? response.jsonPath().getString("status") : null;
    }

    /** DOUBLE's attainment as the recalculation last stored it. */
    private BigDecimal recalculated(String code) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT attainment FROM recalculated_result WHERE plan_code = '" + PLAN
                 + "' AND indicator_code = '" + code + "' AND fiscal_year = 2024")) {
            return rows.next() && rows.getBigDecimal(1) != null ? rows.getBigDecimal(1) : BigDecimal.ZERO;
        }
    }
}
