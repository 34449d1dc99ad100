package io.planeval.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.evaluation.report.CommitteeReportTest;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.MetricSamples;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator's Prometheus reads of evaluation-service: events applied, how fresh, results changed. */
@QuarkusTest
class MetricsTest {

    private static final String MEASUREMENTS = "topic=\"planeval.measurements\"";

    @Test
    void appliedEventsTheirFreshnessAndTheResultsTheyChangedAreCounted() {
        double appliedBefore = value("planeval_events_applied_total", MEASUREMENTS);
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan("ev-metrics"));
        events.addAll(SampleEvents.indicators("ev-metrics"));
        List<TestEvent> measurements = SampleEvents.measurements("ev-metrics", 400_000);
        events.addAll(measurements);
        KafkaTestProducer.sendAll(events);
        CommitteeReportTest.awaitComplete("ev-metrics");

        assertThat(value("planeval_events_applied_total", MEASUREMENTS) - appliedBefore)
            .isGreaterThanOrEqualTo(measurements.size());
        assertThat(value("planeval_events_freshness_seconds_count", MEASUREMENTS))
            .isGreaterThanOrEqualTo(measurements.size());
        assertThat(metrics()).contains("planeval_events_freshness_seconds_bucket{topic=\"planeval.measurements\"");
        // The report is computed when asked; the results' changes are counted when the recalculation commits.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(value("planeval_evaluation_changes_total")).isGreaterThan(0));
        assertThat(metrics()).contains("planeval_outbox_backlog ", "planeval_outbox_oldest_age_seconds ");
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String name, String... labels) {
        return MetricSamples.sum(metrics(), name, labels);
    }
}
