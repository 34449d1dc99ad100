package io.planeval.evaluation.readmodel;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.planeval.contracts.Topics;
import io.planeval.support.consume.Retrying;
import io.planeval.support.outbox.OutboxTopic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * Applies the three source topics to the read model a batch at a time, in one transaction per batch: the events
 * are stored (each once), what they touched is recomputed, and the offsets are committed after the commit.
 * Arrival order does not matter: versions and revisions are kept as they come, and results use the latest.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    EventApplier applier;

    @Inject
    Recalculation recalculation;

    @Inject
    RebuildGate gate;

    @Inject
    Event<PlansChanged> plansChanged;

    @Incoming("events")
    @Blocking
    public void apply(ConsumerRecords<String, String> records) {
        Map<String, Recalculation.Scope> touched = gate.whileOpen(() -> Retrying.untilApplied(
            "a batch of " + records.count() + " events", () -> QuarkusTransaction.requiringNew().call(() -> {
                Map<String, Recalculation.Scope> stored = applier.store(records);
                stored.forEach((plan, scope) -> recalculation.recalculate(plan, scope, true));
                return stored;
            })));
        if (!touched.isEmpty()) {
            plansChanged.fire(new PlansChanged(touched.keySet()));
        }
    }

    @Produces
    OutboxTopic evaluations() {
        return OutboxTopic.retained(Topics.EVALUATIONS);
    }

    /** The topics consumed, created with their producers' settings if this service starts first. */
    @Produces
    OutboxTopic plans() {
        return OutboxTopic.compacted(Topics.PLANS);
    }

    @Produces
    OutboxTopic indicators() {
        return OutboxTopic.compacted(Topics.INDICATORS);
    }

    @Produces
    OutboxTopic measurements() {
        return OutboxTopic.retained(Topics.MEASUREMENTS);
    }
}
