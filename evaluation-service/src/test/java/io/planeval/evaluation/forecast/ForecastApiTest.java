package io.planeval.evaluation.forecast;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.quarkus.test.junit.QuarkusTest;

/** The forecast through the API: the hand-computed off-track case of ForecasterTest, rolled up, and as of a moment. */
@QuarkusTest
class ForecastApiTest {

    static final String PLAN = "ev-forecast";

    @Test
    void eachIndicatorGetsAVerdictWithItsWorkingRolledUpPerGoal() throws Exception {
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(PLAN));
        events.add(SampleEvents.indicator(PLAN, "KGI1", SampleEvents.JSON.readTree("""
            {"nodeCode": "GI", "kind": "kgi", "name": "テスト指標", "unit": "件", "baseline": {"value": 100, "fiscalYear": 2019},
             "target": {"value": 200, "fiscalYear": 2024}, "direction": "higher_is_better"}"""), 1, SampleEvents.DEFINED));
        events.add(SampleEvents.indicator(PLAN, "KGI5", SampleEvents.JSON.readTree("""
            {"nodeCode": "GIII", "kind": "kgi", "name": "財政調整基金の残高", "target": {"text": "増額確保", "fiscalYear": 2024},
             "direction": "qualitative"}"""), 1, SampleEvents.DEFINED));
        long id = 870_000;
        for (String[] yearValue : new String[][] {{"2020", "150"}, {"2021", "152"}, {"2022", "155"}}) {
            events.add(SampleEvents.measurement(PLAN, id++, "KGI1", Integer.parseInt(yearValue[0]), 1, new BigDecimal(yearValue[1]),
                null, MeasurementStatus.FINAL, SampleEvents.MEASURED));
        }
        KafkaTestProducer.sendAll(events);
        String forecast = "/api/v1/plans/" + PLAN + "/evaluation/forecast";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
            given().when().get(forecast).then().extract().jsonPath().getList("indicators.find { it.code == 'KGI1' }.points").size() == 4);

        given().when().get(forecast).then().statusCode(200)
            .body("totals.offTrack", equalTo(1))
            .body("totals.insufficientData", equalTo(1))
            .body("totals.total", equalTo(2))
            .body("goals.code", equalTo(List.of("GI", "GII", "GIII")))
            .body("goals.verdicts.offTrack", equalTo(List.of(1, 0, 0)))
            .body("goals.verdicts.insufficientData", equalTo(List.of(0, 0, 1)))
            .body("nodes.find { it.code == 'GI' }.verdicts.offTrack", equalTo(1))
            .body("nodes.find { it.code == 'GI' }.level", equalTo(1))
            .body("indicators[0].code", equalTo("KGI1"))
            .body("indicators[0].verdict", equalTo("off_track"))
            .body("indicators[0].verdictLabel", equalTo("遅れ"))
            .body("indicators[0].projected", equalTo(197.7f))
            .body("indicators[0].slopePerYear", equalTo(16.7f))
            .body("indicators[0].requiredAtLatest", equalTo(160))
            .body("indicators[0].points.fiscalYear", equalTo(List.of(2019, 2020, 2021, 2022)))
            .body("indicators[0].points[0].fiscalYearLabel", equalTo("令和元年度"))
            .body("indicators[0].requiredPath.fiscalYear", equalTo(List.of(2019, 2024)))
            .body("indicators[1].verdict", equalTo("insufficient_data"));
        // Before the actuals were recorded there is only the baseline: no line to draw.
        given().queryParam("asOf", "2025-07-05").when().get(forecast).then().statusCode(200)
            .body("indicators[0].verdict", equalTo("insufficient_data"))
            .body("indicators[0].points.fiscalYear", equalTo(List.of(2019)));
        given().queryParam("asOf", "someday").when().get(forecast).then().statusCode(400);
        given().when().get("/api/v1/plans/no-such-plan/evaluation/forecast").then().statusCode(404);
    }
}
