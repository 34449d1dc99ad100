package io.planeval.evaluation.readmodel;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.support.consume.EventJson;
import io.planeval.support.consume.PoisonEvent;
import io.planeval.support.consume.ProcessedEvents;
import io.planeval.support.consume.Retrying;
import io.planeval.support.events.CloudEventHeaders;
import io.planeval.support.outbox.OutboxTopic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * Applies the three source topics to the read model, effectively once: each event's id is recorded in the
 * transaction that applies it, a redelivery is skipped, and the offset is committed only after the commit.
 * Arrival order does not matter: versions and revisions are kept as they come, and results use the latest.
 */
@ApplicationScoped
public class EventConsumers {

    static final String SERVICE = "evaluation-service";

    @Inject
    ReadModel readModel;

    @Inject
    Recalculation recalculation;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    EventJson json;

    @Inject
    RebuildGate gate;

    @Incoming("plans")
    @Blocking
    public void plan(ConsumerRecord<String, String> record) {
        apply(record, PlanChanged.class, event -> {
            if (readModel.store(event)) {
                recalculation.plan(event.planCode(), true);
            }
        });
    }

    @Incoming("indicators")
    @Blocking
    public void indicator(ConsumerRecord<String, String> record) {
        apply(record, IndicatorChanged.class, event -> {
            if (readModel.store(event)) {
                recalculation.indicator(event.planCode(), event.indicatorCode(), true);
            }
        });
    }

    @Incoming("measurements")
    @Blocking
    public void measurement(ConsumerRecord<String, String> record) {
        apply(record, MeasurementUpdated.class, event -> {
            if (readModel.store(event)) {
                recalculation.measurement(event.planCode(), event.indicatorCode(), event.fiscalYear(), true);
            }
        });
    }

    private <T> void apply(ConsumerRecord<String, String> record, Class<T> type, Consumer<T> action) {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID)
            .orElseThrow(() -> new PoisonEvent("Event without ce_id on " + record.topic() + " at offset " + record.offset()));
        T event = json.read(record.value(), type);
        gate.whileOpen(() -> Retrying.untilApplied(type.getSimpleName() + " " + id, () ->
            QuarkusTransaction.requiringNew().call(() -> {
                if (processedEvents.firstDelivery(id)) {
                    action.accept(event);
                }
                return null;
            })));
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

    @Produces
    OutboxTopic plansDeadLetters() {
        return OutboxTopic.retained(Topics.deadLetter(Topics.PLANS, SERVICE));
    }

    @Produces
    OutboxTopic indicatorsDeadLetters() {
        return OutboxTopic.retained(Topics.deadLetter(Topics.INDICATORS, SERVICE));
    }

    @Produces
    OutboxTopic measurementsDeadLetters() {
        return OutboxTopic.retained(Topics.deadLetter(Topics.MEASUREMENTS, SERVICE));
    }
}
