package io.planeval.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.planeval.contracts.Topics;
import io.planeval.support.SupportConfig;
import io.planeval.support.events.CloudEventHeaders;
import io.planeval.support.events.EventTracing;
import io.planeval.support.events.KafkaSettings;
import io.planeval.support.notice.BackgroundLoop;
import io.planeval.support.time.Moments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends unpublished outbox events to Kafka in order, a batch at a time, and marks them published.
 * A crash between send and mark sends again: at least once, never lost; consumers drop duplicates by event id.
 * One thread: woken after each commit for freshness, and every sweep interval as the safety net. An event Kafka
 * refuses for good (too large, say) is parked with the reason instead of blocking the events after it.
 * One relay per database, however many instances run: the one that holds {@link RelayLeadership}'s lock; the others
 * wait to take over.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    /** What a record adds to its payload in a request: key, CloudEvents headers, record and batch framing. */
    public static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

    @Inject
    SupportConfig config;

    @Inject
    KafkaSettings kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Inject
    RelayLeadership leadership;

    @Inject
    OutboxBacklog backlog;

    @Inject
    EventTracing tracing;

    private final Semaphore wakeUp = new Semaphore(0);
    private BackgroundLoop worker;
    private KafkaProducer<String, String> producer;
    private Instant nextPurge = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        metrics.gauge("planeval.outbox.backlog", List.of(), backlog, OutboxBacklog::waiting);
        metrics.gauge("planeval.outbox.oldest.age.seconds", List.of(), backlog, OutboxBacklog::oldestSeconds);
        metrics.gauge("planeval.parked.events", List.of(), backlog, OutboxBacklog::parked);
        if (!config.outbox().relayEnabled()) {
            LOG.warn("Outbox relay disabled (planeval.outbox.relay-enabled=false): events stay in the outbox");
            return;
        }
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts relaying: what a restarted service does first, so whatever a crash left unpublished goes out. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = BackgroundLoop.start("outbox-relay", this::run);
    }

    /** Stops relaying; unpublished events stay in the outbox for the next start. */
    public synchronized void stop() {
        if (worker != null) {
            try {
                worker.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        resetProducer();
        leadership.release();
    }

    /** Asks the relay to look for new events now. */
    public void wake() {
        wakeUp.release();
    }

    private void run(BackgroundLoop loop) {
        boolean topicsReady = false;
        int failures = 0;
        while (loop.running()) {
            try {
                backlog.refreshIfDue();
                if (!leadership.lead()) {
                    // Another instance relays; this one looks again each sweep, to take over when it is gone.
                    wakeUp.tryAcquire(config.outbox().sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                    continue;
                }
                if (!topicsReady) {
                    createMissingTopics();
                    topicsReady = true;
                }
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == config.outbox().batchSize() && loop.running());
                purgeIfDue();
                failures = 0;
                // Until an instance commits events (this one too gives notice), or the sweep is due.
                leadership.awaitNotice(config.outbox().sweepInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures++;
                leadership.doubt();
                long pause = Math.min(config.outbox().maxBackoff().toMillis(), 100L << Math.min(failures, 10));
                LOG.warnf("Outbox relay cannot publish yet (attempt %d, next in %d ms): %s", failures, pause, rootMessage(e));
                resetProducer();
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Sends the oldest unpublished events and marks those Kafka acknowledged; returns how many were marked.
     * The producer is idempotent and never gives a record up, so a broker outage delays a batch but does not
     * duplicate it; no database transaction stays open meanwhile. Only a crash between send and mark sends again.
     */
    int relayBatch() {
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "FROM OutboxEvent WHERE publishedAt IS NULL AND parkedAt IS NULL ORDER BY seq", OutboxEvent.class)
            .setMaxResults(config.outbox().batchSize())
            .getResultList());
        if (batch.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        RuntimeException sendFailure = null;
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.key, event.payload);
            CloudEventHeaders.write(record.headers(), event.eventId.toString(), config.outbox().source(), event.type,
                event.createdAt, event.key);
            Span span = tracing.publishing(event.traceParent, event.topic, event.eventId.toString(), record.headers());
            try {
                acks.add(kafka.send(record));
                spans.add(span);
            } catch (RuntimeException e) {
                // Not handed to the producer (no metadata while the broker is away): this and later ones wait.
                span.setStatus(StatusCode.ERROR, rootMessage(e));
                span.end();
                sendFailure = e;
                break;
            }
        }
        Outcomes outcomes = awaitOutcomes(batch, acks, spans);
        if (!outcomes.acknowledged.isEmpty() || !outcomes.refused.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> {
                Instant now = Moments.now();
                if (!outcomes.acknowledged.isEmpty()) {
                    // One array parameter: the same statement for any batch, never translated or prepared again.
                    entityManager.createNativeQuery("UPDATE outbox_event SET published_at = :now WHERE seq = ANY(CAST(:seqs AS bigint[]))")
                        .setParameter("now", now)
                        .setParameter("seqs", outcomes.acknowledged.toArray(Long[]::new))
                        .executeUpdate();
                }
                outcomes.refused.forEach((event, reason) -> entityManager
                    .createQuery("UPDATE OutboxEvent SET parkedAt = :now, parkReason = :reason WHERE seq = :seq")
                    .setParameter("now", now)
                    .setParameter("reason", reason)
                    .setParameter("seq", event.seq)
                    .executeUpdate());
            });
            outcomes.refused.keySet().forEach(event ->
                metrics.counter("planeval.events.parked", "side", "outbox", "topic", event.topic).increment());
            Set<Long> published = Set.copyOf(outcomes.acknowledged);
            batch.stream().filter(event -> published.contains(event.seq)).forEach(event ->
                metrics.counter("planeval.outbox.published", "topic", event.topic).increment());
        }
        if (sendFailure != null) {
            throw sendFailure;
        }
        int settled = outcomes.acknowledged.size() + outcomes.refused.size();
        if (settled < acks.size()) {
            throw new IllegalStateException("Kafka has not taken " + (acks.size() - settled) + " events yet");
        }
        return settled;
    }

    /** The seqs Kafka acknowledged, and the events it refused for good with the reason. */
    private record Outcomes(List<Long> acknowledged, Map<OutboxEvent, String> refused) {
    }

    /** Waits as long as delivery takes: the producer retries a passing failure until it succeeds. */
    private static Outcomes awaitOutcomes(List<OutboxEvent> batch, List<Future<RecordMetadata>> acks, List<Span> spans) {
        Outcomes outcomes = new Outcomes(new ArrayList<>(acks.size()), new LinkedHashMap<>());
        for (int i = 0; i < acks.size(); i++) {
            OutboxEvent event = batch.get(i);
            Span span = spans.get(i);
            try {
                RecordMetadata sent = acks.get(i).get();
                span.setAttribute("messaging.destination.partition.id", Integer.toString(sent.partition()));
                span.setAttribute("messaging.kafka.offset", sent.offset());
                outcomes.acknowledged.add(event.seq);
            } catch (ExecutionException e) {
                span.setStatus(StatusCode.ERROR, rootMessage(e.getCause()));
                if (e.getCause() instanceof RetriableException) {
                    LOG.warnf("Kafka has not taken outbox event %s yet: %s", event.eventId, e.getCause());
                } else {
                    LOG.errorf("Kafka refused outbox event %s (%s, key %s) for good; it is parked: %s", event.eventId,
                        event.topic, event.key, e.getCause());
                    outcomes.refused.put(event, rootMessage(e.getCause()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spans.subList(i + 1, spans.size()).forEach(Span::end);
                break;
            } finally {
                span.end();
            }
        }
        return outcomes;
    }

    private void purgeIfDue() {
        Instant now = Moments.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        int purged = QuarkusTransaction.requiringNew().call(() -> entityManager
            .createQuery("DELETE FROM OutboxEvent WHERE publishedAt < :before")
            .setParameter("before", now.minus(config.outbox().retention()))
            .executeUpdate());
        if (purged > 0) {
            LOG.infof("Purged %d published outbox events older than %s", purged, config.outbox().retention());
        }
    }

    /** Every planeval topic, with its settings from {@link Topics}: so that none ever appears with the broker's defaults. */
    private void createMissingTopics() throws Exception {
        try (Admin admin = Admin.create(kafka.forClient())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                .filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, config.outbox().partitions(), config.outbox().replicationFactor())
                    .configs(Topics.compacted(topic)
                        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxRecordBytes()))
                        : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                            TopicConfig.RETENTION_MS_CONFIG, "-1",
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxRecordBytes()))))
                .toList();
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicAuthorizationException) {
                        // A shared broker lets each service create only its own topics: their owners create the rest.
                        LOG.debugf("Not allowed to create topic %s; its owner creates it", result.getKey());
                    } else if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            if (!created.isEmpty()) {
                LOG.infof("Created topics %s", String.join(", ", created));
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = kafka.forClient();
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            // The same limit as the topics' max.message.bytes, both from planeval.outbox.max-event-bytes.
            settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes());
            // A record handed over is retried until delivered (idempotence keeps it single); one that cannot be
            // handed over because the broker is away fails within seconds and stays in the outbox.
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.outbox().source().replace('/', '-'));
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private int maxRecordBytes() {
        return config.outbox().maxEventBytes() + RECORD_OVERHEAD_BYTES;
    }

    private void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
