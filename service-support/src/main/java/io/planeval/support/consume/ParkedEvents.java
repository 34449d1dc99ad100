package io.planeval.support.consume;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.planeval.support.events.CloudEventHeaders;
import io.planeval.support.time.Moments;

/**
 * Consumed events set aside with their reason ({@code parked_event}): those that can never be applied (unreadable, or
 * against their contract). The events after one are applied meanwhile; an operator sees it in the health checks and the
 * {@code planeval.events.parked} metric, and a rebuild (where a service has one) applies it again.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    /** Parks the record in the current transaction, or a new one; parking the same record again changes nothing. */
    @Transactional
    public void park(ConsumerRecord<String, String> record, String reason, int attempts) {
        LOG.errorf("Event parked (%s-%d@%d) after %d attempt(s): %s", record.topic(), record.partition(), record.offset(),
            attempts, reason);
        entityManager.createNativeQuery("""
                INSERT INTO parked_event (topic, partition, "offset", event_id, message_key, payload, reason, attempts, parked_at)
                VALUES (:topic, :partition, :offset, :id, :key, :payload, :reason, :attempts, :at) ON CONFLICT DO NOTHING""")
            .setParameter("topic", record.topic())
            .setParameter("partition", record.partition())
            .setParameter("offset", record.offset())
            .setParameter("id", storable(CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID).orElse(null)))
            .setParameter("key", storable(record.key()))
            .setParameter("payload", record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8))
            .setParameter("reason", storable(reason))
            .setParameter("attempts", attempts)
            .setParameter("at", Moments.now())
            .executeUpdate();
        metrics.counter("planeval.events.parked", "side", "consumed", "topic", record.topic()).increment();
    }

    @Transactional
    public long count() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM parked_event").getSingleResult()).longValue();
    }

    /** Text columns cannot hold U+0000: whatever arrived is kept readable, the payload itself as bytes. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
