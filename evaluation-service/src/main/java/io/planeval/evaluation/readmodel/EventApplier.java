package io.planeval.evaluation.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.contracts.Vocabulary;
import io.planeval.support.consume.EventJson;
import io.planeval.support.consume.ParkedEvents;
import io.planeval.support.consume.PoisonEvent;
import io.planeval.support.consume.ProcessedEvents;
import io.planeval.support.events.CloudEventHeaders;

/**
 * Stores events from the three source topics in the read model, effectively once: each event's id is recorded in
 * the same transaction, so a redelivered one is skipped. An event that cannot be read is parked with the reason in
 * the same transaction, never dropped. Returns, per plan, what must be recomputed.
 */
@ApplicationScoped
public class EventApplier {

    @Inject
    ReadModel readModel;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    EventJson json;

    @Inject
    ParkedEvents parked;

    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Recalculation.Scope> store(Iterable<ConsumerRecord<String, String>> records) {
        return store(records, true);
    }

    /**
     * For a rebuild into an emptied read model: the ids are not recorded. Every store is idempotent by its own key
     * (version, revision), so an event that arrives again later stores nothing and recomputes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Recalculation.Scope> storeWithoutIds(Iterable<ConsumerRecord<String, String>> records) {
        return store(records, false);
    }

    private Map<String, Recalculation.Scope> store(Iterable<ConsumerRecord<String, String>> records, boolean recordIds) {
        List<ConsumerRecord<String, String>> identified = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<String> id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
            if (id.isEmpty()) {
                parked.park(record, "no ce_id header", 1);
            } else {
                identified.add(record);
                ids.add(id.get());
            }
        }
        // The batch's ids go in with one statement.
        Set<String> firstDeliveries = recordIds ? processedEvents.firstDeliveries(ids) : new HashSet<>(ids);
        Events events = new Events();
        for (int i = 0; i < identified.size(); i++) {
            ConsumerRecord<String, String> record = identified.get(i);
            if (firstDeliveries.remove(ids.get(i))) {
                try {
                    read(record, events);
                } catch (PoisonEvent e) {
                    parked.park(record, e.getMessage(), 1);
                }
            }
        }
        // Each kind goes in with one statement: a batch holds thousands of events (a rebuild, a plan's indicators).
        Map<String, Recalculation.Scope> touched = new HashMap<>();
        readModel.storePlans(events.plans).forEach(event -> scope(touched, event.planCode()).everything());
        readModel.storeIndicators(events.indicators).forEach(event -> scope(touched, event.planCode()).indicator(event.indicatorCode()));
        readModel.storeMeasurements(events.measurements)
            .forEach(event -> scope(touched, event.planCode()).measurement(event.fiscalYear(), event.indicatorCode()));
        return touched;
    }

    /** A batch's events, read and checked, by kind. */
    private static final class Events {
        final List<PlanChanged> plans = new ArrayList<>();
        final List<IndicatorChanged> indicators = new ArrayList<>();
        final List<MeasurementUpdated> measurements = new ArrayList<>();
    }

    private void read(ConsumerRecord<String, String> record, Events events) {
        switch (record.topic()) {
            case Topics.PLANS -> events.plans.add(json.read(record.value(), PlanChanged.class));
            case Topics.INDICATORS -> {
                IndicatorChanged event = json.read(record.value(), IndicatorChanged.class);
                if (event.indicator() == null) {
                    throw new PoisonEvent("an indicator-changed event without its indicator");
                }
                ReadModel.definition(event.indicator());
                events.indicators.add(event);
            }
            case Topics.MEASUREMENTS -> events.measurements.add(checked(json.read(record.value(), MeasurementUpdated.class)));
            default -> throw new PoisonEvent("not a source topic: " + record.topic());
        }
    }

    /** A measurement whose status or outcome is outside the vocabulary is refused here, where it enters. */
    private static MeasurementUpdated checked(MeasurementUpdated event) {
        if (Vocabulary.parse(MeasurementStatus.class, event.status()).isEmpty()
            || (event.outcome() != null && Vocabulary.parse(Outcome.class, event.outcome()).isEmpty())) {
            throw new PoisonEvent("measurement status " + event.status() + " or outcome " + event.outcome()
                + " is not in the vocabulary");
        }
        return event;
    }

    private static Recalculation.Scope scope(Map<String, Recalculation.Scope> touched, String planCode) {
        return touched.computeIfAbsent(planCode, p -> new Recalculation.Scope());
    }
}
