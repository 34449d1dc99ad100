package io.planeval.indicator.measurements;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.planeval.contracts.Topics;
import io.planeval.support.outbox.OutboxTopic;

@ApplicationScoped
class MeasurementTopics {

    /** Retained, not compacted: every revision is part of the history an evaluation is rebuilt from. */
    @Produces
    OutboxTopic measurements() {
        return OutboxTopic.retained(Topics.MEASUREMENTS);
    }
}
