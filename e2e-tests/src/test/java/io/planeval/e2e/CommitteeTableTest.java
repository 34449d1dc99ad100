package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The committee's R2–R6 table for fiscal 2024, reproduced from the sample data, and a correction evaluated at once.
 * One scenario of the committee's shared system ({@link CommitteeScenario}).
 */
@Order(1)
class CommitteeTableTest extends CommitteeScenario {

    @Test
    @Order(1)
    void theCommitteesFiguresForFiscal2024() throws IOException {
        JsonNode report = report();
        JsonNode goals = report.get("goals");
        assertThat(texts(goals, "code")).containsExactly("GI", "GII", "GIII");
        assertThat(ints(goals, "/kpis/achieved")).containsExactly(12, 15, 25);
        assertThat(ints(goals, "/kpis/notAchieved")).containsExactly(7, 4, 10);
        assertThat(ints(goals, "/kpis/beingTallied")).containsExactly(1, 3, 1);
        assertThat(texts(goals, "/kpiAchievementRate/display")).containsExactly("63%", "79%", "71%");

        assertThat(kgi(report, "KGI1").at("/attainment/percent").decimalValue()).isEqualByComparingTo("74.0");
        assertThat(kgi(report, "KGI1").at("/attainment/display").asText()).isEqualTo("74%");
        assertThat(kgi(report, "KGI2").get("status").asText()).isEqualTo("being_tallied");
        assertThat(kgi(report, "KGI3").at("/attainment/display").asText()).isEqualTo("189%");
        assertThat(kgi(report, "KGI3").at("/attainment/percent").decimalValue()).isEqualByComparingTo("189.02");
        assertThat(kgi(report, "KGI4").at("/attainment/display").asText()).isEqualTo("24.2%");
        assertThat(kgi(report, "KGI5").get("status").asText()).isEqualTo("achieved");
        assertThat(kgi(report, "KGI5").at("/attainment/display").asText()).isEqualTo("100%");

        // The 21 unachieved KPIs, each with the target and actual the committee printed.
        JsonNode source;
        try (InputStream in = CommitteeTableTest.class.getResourceAsStream(SOURCE)) {
            source = Api.JSON.readTree(in);
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode kpi : source.get("unachieved_kpis")) {
            expected.add(kpi.get("goal").asText() + " " + kpi.get("name").asText() + " " + plain(kpi.get("target").decimalValue())
                + " → " + plain(kpi.get("actual").decimalValue()) + " " + kpi.get("unit").asText());
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode goal : goals) {
            for (JsonNode kpi : goal.get("unachievedKpis")) {
                actual.add(goal.get("code").asText() + " " + kpi.get("name").asText() + " "
                    + plain(kpi.get("target").decimalValue()) + " → "
                    + plain(kpi.get("actual").decimalValue()) + " " + kpi.get("unit").asText());
            }
        }
        assertThat(actual).hasSize(21).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Order(2)
    void aCorrectionIsEvaluatedAtOnceWhileTheMomentBeforeStillShowsItBeingTallied() {
        Instant before = Instant.now();
        long posted = System.nanoTime();
        Api.Reply reply = Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/KGI2/measurements",
            "{\"fiscalYear\": 2024, \"value\": 52000, \"status\": \"final\", \"note\": \"R6実績確定\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        long created = System.nanoTime();
        String kgi2 = evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/KGI2";
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
            .until(() -> "achieved".equals(Api.getJson(kgi2).get("status").asText()));
        System.out.printf("[e2e] measurement 201 → evaluated: %d ms (POST took %d ms)%n",
            (System.nanoTime() - created) / 1_000_000, (created - posted) / 1_000_000);
        Instant after = Instant.now();

        assertThat(Api.getJson(kgi2).at("/attainment/display").asText()).isEqualTo("104%");
        assertThat(Api.getJson(kgi2 + "?asOf=" + before).get("status").asText()).isEqualTo("being_tallied");
        JsonNode changes = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/changes?from=" + before + "&to=" + after)
            .get("items");
        assertThat(texts(changes, "code")).containsExactly("KGI2");
        assertThat(changes.at("/0/from/status").asText()).isEqualTo("being_tallied");

        // The committee's 73.9% came from an unrounded actual: posting it gives 73.9%.
        assertThat(Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/KGI1/measurements",
            "{\"fiscalYear\": 2024, \"value\": 22.17, \"status\": \"final\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> "73.9%".equals(kgi(report(), "KGI1").at("/attainment/display").asText()));
    }
}
