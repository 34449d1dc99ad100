package io.planeval.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.planeval.support.events.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Sends unpublished outbox events to Kafka in order, a batch per transaction, and marks them published.
 * A crash between send and mark sends again: at least once, never lost; consumers drop duplicates by event id.
 * One thread: woken after each commit for freshness, and every sweep interval as the safety net.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    @Inject
    OutboxConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    Instance<OutboxTopic> topics;

    @Inject
    EntityManager entityManager;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Instant nextPurge = Instant.EPOCH;

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
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
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops relaying; unpublished events stay in the outbox for the next start. */
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            wake();
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        resetProducer();
    }

    /** Asks the relay to look for new events now. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        boolean topicsReady = false;
        int failures = 0;
        while (running) {
            try {
                if (!topicsReady) {
                    createMissingTopics();
                    topicsReady = true;
                }
                int sent;
                do {
                    sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
                } while (sent == config.batchSize() && running);
                purgeIfDue();
                failures = 0;
                wakeUp.tryAcquire(config.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures++;
                long pause = Math.min(config.maxBackoff().toMillis(), 100L << Math.min(failures, 10));
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

    /** Sends one batch and marks it published in the same transaction; returns how many were sent. */
    int relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = entityManager.createNativeQuery(
                "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED",
                OutboxEvent.class)
            .setParameter("limit", config.batchSize())
            .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.key, event.payload);
            CloudEventHeaders.write(record.headers(), event.eventId.toString(), config.source(), event.type,
                event.createdAt, event.key);
            acks.add(kafka.send(record));
        }
        kafka.flush();
        awaitAll(acks);
        entityManager.createQuery("UPDATE OutboxEvent SET publishedAt = :now WHERE seq IN :seqs")
            .setParameter("now", Instant.now())
            .setParameter("seqs", batch.stream().map(e -> e.seq).toList())
            .executeUpdate();
        return batch.size();
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private void purgeIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        int purged = QuarkusTransaction.requiringNew().call(() -> entityManager
            .createQuery("DELETE FROM OutboxEvent WHERE publishedAt < :before")
            .setParameter("before", now.minus(config.retention()))
            .executeUpdate());
        if (purged > 0) {
            LOG.infof("Purged %d published outbox events older than %s", purged, config.retention());
        }
    }

    private void createMissingTopics() throws Exception {
        List<OutboxTopic> wanted = topics.stream().toList();
        if (wanted.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(kafkaClientConfig())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> new NewTopic(topic.name(), config.partitions(), config.replicationFactor())
                    .configs(topic.compacted()
                        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                            TopicConfig.RETENTION_MS_CONFIG, "-1")))
                .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                LOG.infof("Created topics %s", missing.stream().map(NewTopic::name).collect(Collectors.joining(", ")));
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = kafkaClientConfig();
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            // Fail a batch within seconds while the broker is away; the rows stay and are sent again.
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-'));
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private Map<String, Object> kafkaClientConfig() {
        Map<String, Object> settings = new HashMap<>();
        Object bootstrap = kafkaConfig.get("bootstrap.servers");
        settings.put("bootstrap.servers", bootstrap == null ? "localhost:9092" : bootstrap);
        return settings;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
