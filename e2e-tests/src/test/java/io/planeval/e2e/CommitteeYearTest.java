package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The committee's year: a report fixed and a year locked, then a plan that continues this one. One scenario of the
 * committee's shared system ({@link CommitteeScenario}).
 */
@Order(7)
class CommitteeYearTest extends CommitteeScenario {

    @Test
    @Order(14)
    void theCommitteeFixesItsReportLocksTheYearAndSeesACorrectionAsAChangeSince() {
        String plan = "/api/v1/plans/" + PLAN;
        Api.Reply fixed = Api.post(evaluation.url() + plan + "/reports",
            "{\"name\": \"第39回 行財政改革評価・推進委員会\", \"fiscalYear\": 2024}");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        String report = evaluation.url() + fixed.header("Location");
        String evaluationAsFixed = Api.get(report + "/evaluation").body();
        assertThat(Api.getJson(report + "/changes").get("items")).isEmpty();

        Api.Reply locked = Api.send("PUT", indicators.url() + plan + "/locked-years/2024", "application/json",
            "{\"note\": \"第39回 行財政改革評価・推進委員会で確定\"}");
        assertThat(locked.status()).as(locked.body()).isEqualTo(201);
        String kgi3 = indicators.url() + plan + "/indicators/KGI3/measurements";
        Api.Reply refused = Api.post(kgi3, "{\"fiscalYear\": 2024, \"value\": 75700, \"status\": \"final\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/violations/0/field").asText()).isEqualTo("correctionReason");
        Api.Reply corrected = Api.post(kgi3,
            "{\"fiscalYear\": 2024, \"value\": 75700, \"status\": \"final\", \"correctionReason\": \"集計誤りの訂正\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> texts(Api.getJson(report + "/changes").get("items"), "code").contains("KGI3"));
        JsonNode changes = Api.getJson(report + "/changes").get("items");
        assertThat(texts(changes, "code")).containsExactly("KGI3");
        JsonNode change = changes.get(0);
        assertThat(change.at("/from/actual/value").decimalValue()).isEqualByComparingTo("75608");
        assertThat(change.at("/to/actual/value").decimalValue()).isEqualByComparingTo("75700");
        assertThat(change.at("/to/actual/correctionReason").asText()).isEqualTo("集計誤りの訂正");
        assertThat(texts(Api.getJson(indicators.url() + plan + "/corrections").get("items"), "correctionReason"))
            .containsExactly("集計誤りの訂正");
        assertThat(Api.get(report + "/evaluation").body()).as("the fixed report after the correction").isEqualTo(evaluationAsFixed);
    }

    @Test
    @Order(15)
    void anIndicatorOfThe2025PlanContinuesAnR2R6OneAndItsSeriesRunsAcrossBoth() {
        // Test data, not sample data: the source document defines no indicators for 2025–29, so this successor of
        // KGI③ is one the prefecture might define.
        String plan2025 = "/api/v1/plans/gunma-2025-29";
        Api.Reply defined = Api.send("PUT", indicators.url() + plan2025 + "/indicators/KGI-DX", "application/json", """
            {"nodeCode": "G1", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
             "target": {"value": 90000, "fiscalYear": 2029}, "direction": "higher_is_better",
             "predecessor": {"planCode": "gunma-r2-r6", "indicatorCode": "KGI3"}}""");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(Api.post(indicators.url() + plan2025 + "/indicators/KGI-DX/measurements",
            "{\"fiscalYear\": 2025, \"value\": 80000, \"status\": \"preliminary\"}").status()).isEqualTo(201);

        String lineage = evaluation.url() + plan2025 + "/lineage/indicators/KGI-DX";
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> Api.getJson(lineage).at("/series/5/value").asInt() == 80000);
        JsonNode series = Api.getJson(lineage);
        assertThat(texts(series.get("generations"), "planCode")).containsExactly("gunma-r2-r6", "gunma-2025-29");
        assertThat(series.at("/series/4/fiscalYear").asInt()).isEqualTo(2024);
        assertThat(series.at("/series/4/value").decimalValue()).as("R6, as corrected").isEqualByComparingTo("75700");
        assertThat(series.at("/series/5/fiscalYearLabel").asText()).isEqualTo("令和7年度");
        JsonNode continuity = Api.getJson(evaluation.url() + plan2025 + "/lineage/continuity");
        assertThat(texts(continuity.get("continued"), "/successor/indicatorCode")).containsExactly("KGI-DX");
        assertThat(texts(continuity.get("ended"), "indicatorCode")).contains("KGI1", "KGI2", "KGI4", "KGI5").doesNotContain("KGI3");

        // The R2–R6 plan is open data: its dataset is anybody's, and its header is its metadata's columns.
        Api.Reply csv = Api.sendAs(null, "GET", evaluation.url() + "/api/v1/plans/" + PLAN + "/open-data.csv", null, null);
        assertThat(csv.status()).isEqualTo(200);
        JsonNode metadata = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/open-data.csv-metadata.json");
        assertThat(csv.body().lines().findFirst().orElseThrow())
            .isEqualTo(String.join(",", texts(metadata.at("/tableSchema/columns"), "name")));
        assertThat(csv.body()).contains(",KGI3,").contains(",75700,");
        assertThat(texts(Api.getJson(evaluation.url() + "/api/v1/open-data/catalog").get("dcat:dataset"), "dct:identifier"))
            .contains(PLAN).doesNotContain("gunma-2025-29");
    }
}
