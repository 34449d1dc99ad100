package io.planeval.evaluation.lineage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An indicator's series runs back through the indicators it continues in earlier plans; a plan's continuity says
 * which of the earlier plan's indicators it continues, changes or ends. An earlier plan the caller may not read is
 * left out.
 */
@QuarkusTest
class LineageTest {

    static final String OLD = "ev-lineage-r2-r6";
    static final String NEW = "ev-lineage-2025-29";
    static final String LATER = "ev-lineage-2030-34";

    static TestEvent laterPlan(String code) {
        List<PlanChanged.Node> nodes = List.of(new PlanChanged.Node("GI", "目標１", "目標 GI", null, 1, null, 1, null));
        PlanChanged event = new PlanChanged(code, 1, SampleEvents.PLANNED, SampleEvents.OPERATIONS,
            new PlanChanged.Plan(code, "後継計画", null, 2025, 2029, List.of("目標"), null, PlanStatus.ACTIVE, true, null, null, nodes));
        return new TestEvent(Topics.PLANS, code, EventTypes.PLAN_CHANGED, SampleEvents.write(event));
    }

    static TestEvent indicator(String plan, String code, String json) throws Exception {
        return SampleEvents.indicator(plan, code, SampleEvents.JSON.readTree(json), 1, SampleEvents.DEFINED);
    }

    @Test
    void aSeriesRunsAcrossPlansAndAPlanSaysWhatItContinues() throws Exception {
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(OLD, false));
        events.add(laterPlan(NEW));
        events.add(indicator(OLD, "KGI3", """
            {"nodeCode": "GII", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
             "target": {"value": 40000, "fiscalYear": 2024}, "direction": "higher_is_better"}"""));
        events.add(indicator(OLD, "KGI4", """
            {"nodeCode": "GII", "kind": "kgi", "name": "職員負担軽減時間", "unit": "時間",
             "target": {"value": 100, "fiscalYear": 2024}, "direction": "higher_is_better"}"""));
        events.add(indicator(OLD, "KGI5", """
            {"nodeCode": "GIII", "kind": "kgi", "name": "財政調整基金の残高", "target": {"text": "増額確保", "fiscalYear": 2024},
             "direction": "qualitative"}"""));
        events.add(indicator(NEW, "KGI-DX", """
            {"nodeCode": "GI", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
             "target": {"value": 90000, "fiscalYear": 2029}, "direction": "higher_is_better",
             "predecessor": {"planCode": "%s", "indicatorCode": "KGI3"}}""".formatted(OLD)));
        events.add(indicator(NEW, "KGI-WORK", """
            {"nodeCode": "GI", "kind": "kgi", "name": "職員負担軽減時間", "unit": "時間/月",
             "target": {"value": 10, "fiscalYear": 2029}, "direction": "higher_is_better",
             "predecessor": {"planCode": "%s", "indicatorCode": "KGI4"}}""".formatted(OLD)));
        events.add(indicator(NEW, "KGI-NEW", """
            {"nodeCode": "GI", "kind": "kgi", "name": "新しい指標", "unit": "件", "target": {"value": 5, "fiscalYear": 2029},
             "direction": "higher_is_better"}"""));
        events.add(SampleEvents.measurement(OLD, 840_001, "KGI3", 2023, 1, new BigDecimal("60000"), null, MeasurementStatus.FINAL, SampleEvents.MEASURED));
        events.add(SampleEvents.measurement(OLD, 840_002, "KGI3", 2024, 1, new BigDecimal("75608"), null, MeasurementStatus.FINAL, SampleEvents.MEASURED));
        events.add(SampleEvents.measurement(NEW, 840_003, "KGI-DX", 2025, 1, new BigDecimal("80000"), null, MeasurementStatus.PRELIMINARY,
            SampleEvents.MEASURED));
        KafkaTestProducer.sendAll(events);
        String lineage = "/api/v1/plans/" + NEW + "/lineage/indicators/KGI-DX";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
            given().when().get(lineage).then().extract().jsonPath().getList("series.value").stream().filter(v -> v != null).count() == 3);

        given().when().get(lineage).then().statusCode(200)
            .body("generations.planCode", equalTo(List.of(OLD, NEW)))
            .body("generations.indicatorCode", equalTo(List.of("KGI3", "KGI-DX")))
            .body("series.fiscalYear", equalTo(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029)))
            .body("series[3].value", equalTo(60000))
            .body("series[4].value", equalTo(75608))
            .body("series[4].status", equalTo("achieved"))
            .body("series[4].attainment.display", equalTo("189%"))
            .body("series[5].planCode", equalTo(NEW))
            .body("series[5].fiscalYearLabel", equalTo("令和7年度"))
            .body("series[5].value", equalTo(80000))
            .body("series[6].value", nullValue());

        given().when().get("/api/v1/plans/" + NEW + "/lineage/continuity").then().statusCode(200)
            .body("predecessorPlans", equalTo(List.of(OLD)))
            .body("continued.successor.indicatorCode", equalTo(List.of("KGI-DX")))
            .body("continued[0].predecessor.indicatorCode", equalTo("KGI3"))
            .body("changed.successor.indicatorCode", equalTo(List.of("KGI-WORK")))
            .body("changed[0].differences", equalTo(List.of("unit")))
            .body("ended.indicatorCode", equalTo(List.of("KGI5")))
            .body("added.indicatorCode", equalTo(List.of("KGI-NEW")));

        // The new plan is open data, the old one is not: without a token the series stops at the new plan.
        TestIdentity.as(null).when().get(lineage).then().statusCode(200)
            .body("generations.planCode", equalTo(List.of(NEW)))
            .body("series.fiscalYear[0]", equalTo(2025));
        TestIdentity.as(null).when().get("/api/v1/plans/" + NEW + "/lineage/continuity").then().statusCode(200)
            .body("predecessorPlans", equalTo(List.of()))
            .body("added.indicatorCode", equalTo(List.of("KGI-DX", "KGI-NEW", "KGI-WORK")));
        // The dashboard's page of the indicator shows the series where there is more than one plan to show.
        assertThat(TestIdentity.as(null).when().get("/plans/" + NEW + "/indicators/KGI-DX").then().statusCode(200).extract().asString())
            .doesNotContain("id=\"lineage\"");
        KafkaTestProducer.sendAll(List.of(laterPlan(LATER), indicator(LATER, "KGI-DX2", """
            {"nodeCode": "GI", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
             "target": {"value": 99000, "fiscalYear": 2029}, "direction": "higher_is_better",
             "predecessor": {"planCode": "%s", "indicatorCode": "KGI-DX"}}""".formatted(NEW))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestIdentity.as(null).when()
                .get("/plans/" + LATER + "/indicators/KGI-DX2").then().extract().asString())
            .contains("id=\"lineage\"", "過去の計画からの推移")
            .containsPattern("data-plan=\"" + NEW + "\"><td><span class=\"muted\">" + NEW + "</span> KGI-DX</td><td>令和7年度</td>\\s*<td>80,000</td>"));
        given().when().get("/api/v1/plans/" + NEW + "/lineage/indicators/NOPE").then().statusCode(404);
        given().when().get("/api/v1/plans/no-such-plan/lineage/continuity").then().statusCode(404);
    }
}
