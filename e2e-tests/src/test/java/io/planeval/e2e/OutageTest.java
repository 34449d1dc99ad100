package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Nothing posted is lost while the broker is down or evaluation-service is killed mid-stream. One scenario of the
 * committee's shared system ({@link CommitteeScenario}).
 */
@Order(2)
class OutageTest extends CommitteeScenario {

    @Test
    @Order(3)
    void measurementsPostedWhileTheBrokerIsDownAreAllEvaluatedWhenItIsBack() {
        system.broker.stop();
        List<String> codes = List.of("KGI3", "KGI4", "GI-KPI-N01", "GI-KPI-N02", "GII-KPI-N01", "GIII-KPI-N01", "GIII-KPI-N09");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Api.Reply reply = Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/" + codes.get(i) + "/measurements",
                "{\"fiscalYear\": 2023, \"value\": " + (100 + i) + ", \"status\": \"preliminary\"}");
            assertThat(reply.status()).as("posting while Kafka is down: " + reply.body()).isEqualTo(201);
            ids.add(reply.json().get("id").asLong());
        }
        long restarted = System.nanoTime();
        system.broker.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (int i = 0; i < codes.size(); i++) {
                JsonNode result = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/"
                    + codes.get(i) + "?fiscalYear=2023");
                assertThat(result.at("/working/actual/measurementId").asLong()).as(codes.get(i)).isEqualTo(ids.get(i));
            }
        });
        system.took("every measurement posted during the outage evaluated after the broker restart", restarted);
    }

    @Test
    @Order(4)
    void evaluationServiceStoppedMidStreamEndsWithTheSameEvaluation() throws Exception {
        StringBuilder rows = new StringBuilder("[");
        List<String> codes = List.of("KGI3", "KGI4", "GII-KPI-N02", "GIII-KPI-N03");
        for (int revision = 1; revision <= 50; revision++) {
            for (String code : codes) {
                rows.append(rows.length() > 1 ? "," : "").append("{\"planCode\": \"").append(PLAN).append("\", \"indicatorCode\": \"")
                    .append(code).append("\", \"fiscalYear\": 2022, \"value\": ").append(1000 + revision).append(", \"status\": \"final\"}");
            }
        }
        rows.append("]");
        Api.Reply reply = Api.post(indicators.url() + "/api/v1/measurements", rows.toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        evaluation.kill();
        long restarted = System.nanoTime();
        evaluation.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(evaluation::ready);
        system.took("evaluation-service restarted after a kill", restarted);
        long caughtUp = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String code : codes) {
                JsonNode result = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/" + code + "?fiscalYear=2022");
                assertThat(result.at("/working/actual/revision").asInt()).as(code).isEqualTo(50);
                assertThat(result.at("/working/actual/value").decimalValue()).isEqualByComparingTo("1050");
            }
        });
        system.took("evaluation caught up after the restart", caughtUp);
        // The committee's table is what it was before the restart.
        JsonNode report = report();
        assertThat(ints(report.get("goals"), "/kpis/achieved")).containsExactly(12, 15, 25);
        assertThat(kgi(report, "KGI1").at("/attainment/display").asText()).isEqualTo("73.9%");
    }
}
