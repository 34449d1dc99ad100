package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The prefecture and its municipalities, with the realm's own tokens: the sample's share derived from 35 municipalities
 * gives the committee's 97.1, a municipality posts its own part of a prefecture-wide total and no other's, the members
 * list shows who is missing, and the open data carries every municipality in SDMX-CSV. One scenario of the committee's
 * shared system ({@link CommitteeScenario}).
 */
@Order(10)
class MunicipalitiesTest extends CommitteeScenario {

    @Test
    @Order(1)
    void theSamplesShareOfMunicipalitiesWithOpenDataIsDerivedAsTheCommitteePrintedIt() {
        JsonNode page = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN
            + "/evaluation/indicators/GI-KPI-N04/members?fiscalYear=2024&sort=status&asOf=" + loaded);
        assertThat(page.at("/result/working/actual/value").asText()).isEqualTo("97.1");
        assertThat(page.at("/result/working/actual/members/reported").asInt()).isEqualTo(35);
        assertThat(page.at("/items/0/names/municipality").asText()).isEqualTo("邑楽町");
        assertThat(page.at("/items/0/status").asText()).isEqualTo("not_achieved");
        String sdmx = Api.get(evaluation.url() + "/api/v1/plans/" + PLAN + "/open-data.sdmx.csv").body();
        assertThat(sdmx.lines().filter(line -> line.contains(",GI-KPI-N04,")).count()).isEqualTo(36);
        assertThat(sdmx).contains(",GI-KPI-N04,102016,_T,_T,2024-A1,1,");
    }

    @Test
    @Order(2)
    void aMunicipalityPostsItsOwnPartWithItsOwnTokenAndTheWholeFollows() {
        String plan = "/api/v1/plans/e2e-municipal";
        Api.Reply planned = Api.send("PUT", system.plans.url() + plan, "application/json", """
            {"title": "市町村支援の例", "firstFiscalYear": 2024, "lastFiscalYear": 2025, "levels": ["目標"], "status": "active",
             "nodes": [{"code": "G1", "label": "目標１", "title": "市町村DX推進の支援", "level": 1}]}""");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(indicators.url() + plan + "/indicators").status() == 200);
        Api.Reply defined = Api.send("PUT", indicators.url() + plan + "/indicators/M1", "application/json", """
            {"nodeCode": "G1", "kind": "kpi", "name": "電子申請の件数", "unit": "件", "target": {"value": 1000, "fiscalYear": 2024},
             "direction": "higher_is_better", "organisation": "sample-org-a",
             "breakdown": {"dimensions": [{"code": "municipality", "members": [{"code": "102016"}, {"code": "102024"}]}],
                           "whole": "derived", "aggregation": "sum"}}""");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        String maebashi = system.keycloak.token("sample-municipality-maebashi");
        String takasaki = system.keycloak.token("sample-municipality-takasaki");
        String measurements = indicators.url() + plan + "/indicators/M1/measurements";

        Api.Reply own = Api.sendAs(maebashi, "POST", measurements, "application/json",
            "{\"fiscalYear\": 2024, \"value\": 620, \"status\": \"final\", \"members\": {\"municipality\": \"102016\"}}");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().at("/recordedBy/organisation").asText()).isEqualTo("102016");
        Api.Reply other = Api.sendAs(maebashi, "POST", measurements, "application/json",
            "{\"fiscalYear\": 2024, \"value\": 500, \"status\": \"final\", \"members\": {\"municipality\": \"102024\"}}");
        assertThat(other.status()).as(other.body()).isEqualTo(403);
        assertThat(other.json().at("/violations/0/field").asText()).isEqualTo("members.municipality");

        String members = evaluation.url() + plan + "/evaluation/indicators/M1/members?fiscalYear=2024&sort=status";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Api.getJson(members).at("/result/working/actual/members/reported").asInt() == 1);
        JsonNode waiting = Api.getJson(members);
        assertThat(waiting.at("/result/status").asText()).isEqualTo("being_tallied");
        assertThat(waiting.at("/items/0/key").asText()).isEqualTo("municipality=102024");
        assertThat(waiting.at("/items/0/reported").asBoolean()).isFalse();

        Api.Reply theirs = Api.sendAs(takasaki, "POST", measurements, "application/json",
            "{\"fiscalYear\": 2024, \"value\": 480, \"status\": \"final\", \"members\": {\"municipality\": \"102024\"}}");
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        String whole = evaluation.url() + plan + "/evaluation/indicators/M1?fiscalYear=2024";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Api.getJson(whole).at("/status").asText().equals("achieved"));
        assertThat(Api.getJson(whole).at("/working/actual/value").asText()).isEqualTo("1100");
    }
}
