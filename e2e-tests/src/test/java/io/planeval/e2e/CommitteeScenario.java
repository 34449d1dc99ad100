package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

import io.planeval.testsupport.MetricSamples;

/**
 * A scenario of the committee's R2–R6 plan, run against one shared system: the three packaged services as their own
 * processes, a Kafka broker process, Keycloak and real PostgreSQL, loaded with the Gunma sample through the public REST
 * APIs ({@link CommitteeSystem}). The scenarios run in the order of their {@code @Order} (junit-platform.properties),
 * each reading what the ones before it left, as a committee's year would.
 */
@ExtendWith(CommitteeSystem.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CommitteeScenario {

    static final String PLAN = CommitteeSystem.PLAN;
    /** The committee's printed figures (slides of 2025-07-18), kept with the test: see committee/README.md. */
    static final String SOURCE = "/committee/results-r2-r6.json";

    CommitteeSystem shared;
    RunningSystem system;
    /** When the sample data had all been evaluated: the committee's table, before the tests change anything. */
    Instant loaded;
    SecondOrigin secondOrigin;
    TraceCollector traces;
    ChromeDriver browser;
    ServiceProcess indicators;
    ServiceProcess evaluation;

    @BeforeAll
    void attach() throws Exception {
        shared = CommitteeSystem.running();
        system = shared.system;
        loaded = shared.loaded;
        secondOrigin = shared.secondOrigin;
        traces = shared.traces;
        indicators = system.indicators;
        evaluation = system.evaluation;
    }

    JsonNode report() {
        return Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation?fiscalYear=2024");
    }

    JsonNode kgi(JsonNode report, String code) {
        for (JsonNode goal : report.get("goals")) {
            for (JsonNode kgi : goal.get("kgis")) {
                if (kgi.get("code").asText().equals(code)) {
                    return kgi;
                }
            }
        }
        throw new AssertionError("No " + code + " in the report");
    }

    static JsonNode revisions(ServiceProcess indicators, String code) {
        return Api.getJson(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/" + code
            + "/measurements?fiscalYear=2021&limit=1000").get("items");
    }

    /** How many measurement events evaluation-service has timed from their change to their application. */
    long freshnessCount() {
        return (long) MetricSamples.sum(Api.get(evaluation.url() + "/q/metrics").body(), "planeval_events_freshness_seconds_count",
            "topic=\"planeval.measurements\"");
    }

    static TraceCollector.Span only(List<TraceCollector.Span> trace, java.util.function.Predicate<TraceCollector.Span> which) {
        List<TraceCollector.Span> found = trace.stream().filter(which).toList();
        assertThat(found).as("spans of the trace: %s", trace).hasSize(1);
        return found.get(0);
    }

    /** A JSON log line that says the service started. */
    static boolean jsonStartLine(String line) {
        try {
            return line.startsWith("{") && Api.JSON.readTree(line).path("message").asText().contains("started in");
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    static List<String> texts(JsonNode array, String pointer) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(pointer.startsWith("/") ? node.at(pointer).asText() : node.get(pointer).asText()));
        return values;
    }

    static List<Integer> ints(JsonNode array, String pointer) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.at(pointer).asInt()));
        return values;
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
