package io.planeval.evaluation.readmodel;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.planeval.support.consume.Consumption;
import io.smallrye.common.annotation.Blocking;

/**
 * Applies the three source topics to the read model a batch at a time, in one transaction per batch: the events
 * are stored (each once), what they touched is recomputed, and the offsets are committed after the commit. A batch
 * that keeps failing is applied event by event: each is retried until it is applied, and only poison is parked
 * ({@link Consumption}).
 * Arrival order does not matter: versions and revisions are kept as they come, and results use the latest.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    EventApplier applier;

    @Inject
    Consumption consumption;

    @Inject
    Recalculation recalculation;

    @Inject
    RebuildGate gate;

    @Incoming("events")
    @Blocking
    public void apply(ConsumerRecords<String, String> records) {
        try {
            consumption.applyTogether(records, "a batch of " + records.count() + " events",
                () -> storeAndRecalculate(records));
        } catch (Consumption.GaveUp e) {
            // The events before one that keeps failing go in on their own; that one is retried until it goes in.
            for (ConsumerRecord<String, String> record : records) {
                consumption.apply(record, () -> storeAndRecalculate(List.of(record)));
            }
        }
    }

    /** Stores the events and recomputes what they touched, each plan in its scope. */
    private Map<String, Recalculation.Scope> storeAndRecalculate(Iterable<ConsumerRecord<String, String>> records) {
        gate.enter();
        Map<String, Recalculation.Scope> stored = applier.store(records);
        stored.forEach((plan, scope) -> recalculation.recalculate(plan, scope, true));
        return stored;
    }
}
