package io.planeval.plan.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.planeval.contracts.Topics;
import io.planeval.support.outbox.OutboxTopic;

@ApplicationScoped
class PlanTopics {

    /** Compacted: the newest whole plan per plan code is all a consumer needs. */
    @Produces
    OutboxTopic plans() {
        return OutboxTopic.compacted(Topics.PLANS);
    }
}
