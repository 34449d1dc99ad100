package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What operators see: one trace per measurement, and every metric the alerts and the dashboard read. One scenario of
 * the committee's shared system ({@link CommitteeScenario}).
 */
@Order(6)
class ObservabilityTest extends CommitteeScenario {

    @Test
    @Order(12)
    void oneMeasurementIsOneTraceFromItsPostThroughKafkaToItsEvaluation() {
        // The caller starts the trace, as a county system that traces its own calls would.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long freshnessBefore = freshnessCount();
        // A measurement that changes KGI2's status in 2024, so that the change is announced too.
        boolean tallied = "being_tallied".equals(Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN
            + "/evaluation/indicators/KGI2?fiscalYear=2024").get("status").asText());
        Api.Reply reply = Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/KGI2/measurements",
            tallied ? "{\"fiscalYear\": 2024, \"value\": 52000, \"status\": \"final\"}"
                : "{\"fiscalYear\": 2024, \"status\": \"being_tallied\", \"note\": \"再集計中\"}",
            Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        // Until the evaluation service has announced the change it made (the trace's last span).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
            assertThat(traces.trace(traceId)).anyMatch(span -> span.service().equals("evaluation-service")
                && span.name().equals("planeval.evaluations publish")));
        List<TraceCollector.Span> trace = traces.trace(traceId);
        TraceCollector.Span post = only(trace, span -> span.service().equals("indicator-service")
            && span.kind().equals("SPAN_KIND_SERVER"));
        assertThat(post.parentSpanId()).isEqualTo(callerSpan);
        TraceCollector.Span publish = only(trace, span -> span.name().equals("planeval.measurements publish"));
        assertThat(publish.service()).isEqualTo("indicator-service");
        assertThat(publish.kind()).isEqualTo("SPAN_KIND_PRODUCER");
        assertThat(publish.parentSpanId()).as("published from the post's outbox row").isEqualTo(post.spanId());
        // The Kafka connector's receive span and planeval's process span, both children of the publish span.
        assertThat(trace).anyMatch(span -> span.name().equals("planeval.measurements receive")
            && span.parentSpanId().equals(publish.spanId()));
        // Delivery is at least once: a record delivered again (after the consumer group rebalanced, say) is processed
        // again, found applied already, and changes nothing; each such span is a child of the same publish span.
        List<TraceCollector.Span> applied = trace.stream().filter(span -> span.name().equals("planeval.measurements process")).toList();
        assertThat(applied).isNotEmpty().allSatisfy(apply -> {
            assertThat(apply.kind()).isEqualTo("SPAN_KIND_CONSUMER");
            assertThat(apply.parentSpanId()).as("applied from the record the relay sent").isEqualTo(publish.spanId());
            assertThat(apply.attributes()).containsEntry("messaging.message.id", publish.attributes().get("messaging.message.id"));
        });
        // The evaluation it changed goes out on planeval.evaluations in the same trace, once.
        assertThat(trace).filteredOn(span -> span.service().equals("evaluation-service") && span.name().equals("planeval.evaluations publish"))
            .singleElement().satisfies(span -> assertThat(applied).anyMatch(apply -> apply.spanId().equals(span.parentSpanId())));

        await().atMost(Duration.ofSeconds(10)).until(() -> freshnessCount() > freshnessBefore);
    }

    @Test
    @Order(13)
    void everyMetricTheAlertsAndTheDashboardReadIsOneTheServicesExpose() {
        Set<String> exposed = new java.util.TreeSet<>();
        for (ServiceProcess service : List.of(system.plans, indicators, evaluation)) {
            Api.Reply metrics = Api.get(service.url() + "/q/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            metrics.body().lines().filter(line -> !line.startsWith("#"))
                .forEach(line -> exposed.add(line.split("[{ ]", 2)[0]));
        }
        assertThat(exposed).containsAll(Monitoring.metricNames());
    }
}
