package io.planeval.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricSamplesTest {

    private static final String PAGE = """
        # TYPE planeval_events_applied counter
        # HELP planeval_events_applied \s
        planeval_events_applied_total{topic="planeval.measurements"} 264.0
        planeval_events_applied_total{topic="planeval.evaluations"} 571.0 # {span_id="723f928c37c820b4",trace_id="89fd"} 1.0 1796670925.034
        planeval_evaluation_changes_total 1.5E3 # {span_id="723f"} 1.0 1796670925.034
        planeval_evaluation_changes_total_other 7.0
        """;

    @Test
    void aValueIsReadWithOrWithoutAnExemplarAfterIt() {
        assertThat(MetricSamples.sum(PAGE, "planeval_evaluation_changes_total")).isEqualTo(1500.0);
        assertThat(MetricSamples.sum(PAGE, "planeval_events_applied_total", "topic=\"planeval.evaluations\"")).isEqualTo(571.0);
        assertThat(MetricSamples.sum(PAGE, "planeval_events_applied_total")).isEqualTo(835.0);
        assertThat(MetricSamples.sum(PAGE, "planeval_events_applied_total", "topic=\"planeval.plans\"")).isZero();
    }
}
