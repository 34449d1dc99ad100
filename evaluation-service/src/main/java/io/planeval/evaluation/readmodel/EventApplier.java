package io.planeval.evaluation.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.planeval.contracts.Event;
import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.EventTypes;
import io.planeval.contracts.MeasurementReviewed;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
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
        return store(read(records), true);
    }

    /**
     * For a rebuild into an emptied read model, events already read (on another thread: {@link #read} needs no
     * database): the ids are not recorded. Every store is idempotent by its own key (version, revision), so an event
     * that arrives again later stores nothing and recomputes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Recalculation.Scope> storeWithoutIds(Batch batch) {
        return store(batch, false);
    }

    /** An event as read from its record: the event, or why it cannot be applied (poison). */
    private record Read(ConsumerRecord<String, String> record, String id, Event event, String poison) {
    }

    /** Records read and checked, ready to store. */
    public static final class Batch {
        private final List<Read> reads = new ArrayList<>();

        public int size() {
            return reads.size();
        }
    }

    /** Reads and checks the records' events: JSON and the vocabulary, no database. */
    public Batch read(Iterable<ConsumerRecord<String, String>> records) {
        Batch batch = new Batch();
        for (ConsumerRecord<String, String> record : records) {
            String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID).orElse(null);
            try {
                batch.reads.add(new Read(record, id, id == null ? null : event(record), null));
            } catch (PoisonEvent e) {
                batch.reads.add(new Read(record, id, null, e.getMessage()));
            }
        }
        return batch;
    }

    private Map<String, Recalculation.Scope> store(Batch batch, boolean recordIds) {
        List<String> ids = new ArrayList<>();
        for (Read read : batch.reads) {
            if (read.id() == null) {
                parked.park(read.record(), "no ce_id header", 1);
            } else {
                ids.add(read.id());
            }
        }
        // The batch's ids go in with one statement.
        Set<String> firstDeliveries = recordIds ? processedEvents.firstDeliveries(ids) : new HashSet<>(ids);
        List<PlanChanged> plans = new ArrayList<>();
        List<IndicatorChanged> indicators = new ArrayList<>();
        List<MeasurementUpdated> measurements = new ArrayList<>();
        List<MeasurementReviewed> reviews = new ArrayList<>();
        for (Read read : batch.reads) {
            if (read.id() == null || !firstDeliveries.remove(read.id())) {
                continue;
            }
            if (read.poison() != null) {
                parked.park(read.record(), read.poison(), 1);
            } else if (read.event() instanceof PlanChanged plan) {
                plans.add(plan);
            } else if (read.event() instanceof IndicatorChanged indicator) {
                indicators.add(indicator);
            } else if (read.event() instanceof MeasurementUpdated measurement) {
                measurements.add(measurement);
            } else if (read.event() instanceof MeasurementReviewed review) {
                reviews.add(review);
            }
        }
        // Each kind goes in with one statement: a batch holds thousands of events (a rebuild, a plan's indicators).
        Map<String, Recalculation.Scope> touched = new HashMap<>();
        readModel.storePlans(plans).forEach(event -> scope(touched, event.planCode()).everything());
        readModel.storeIndicators(indicators).forEach(event -> scope(touched, event.planCode()).indicator(event.indicatorCode()));
        readModel.storeMeasurements(measurements)
            .forEach(event -> scope(touched, event.planCode()).measurement(event.fiscalYear(), event.indicatorCode()));
        // After the revisions of the same batch: a decision follows its revision on the topic.
        readModel.storeReviews(reviews)
            .forEach(event -> scope(touched, event.planCode()).measurement(event.fiscalYear(), event.indicatorCode()));
        return touched;
    }

    private Event event(ConsumerRecord<String, String> record) {
        return switch (record.topic()) {
            case Topics.PLANS -> json.read(record.value(), PlanChanged.class);
            case Topics.INDICATORS -> json.read(record.value(), IndicatorChanged.class);
            case Topics.MEASUREMENTS -> EventTypes.MEASUREMENT_REVIEWED.equals(
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE).orElse(null))
                ? json.read(record.value(), MeasurementReviewed.class) : json.read(record.value(), MeasurementUpdated.class);
            default -> throw new PoisonEvent("not a source topic: " + record.topic());
        };
    }

    private static Recalculation.Scope scope(Map<String, Recalculation.Scope> touched, String planCode) {
        return touched.computeIfAbsent(planCode, p -> new Recalculation.Scope());
    }
}
