package io.planeval.evaluation.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.planeval.contracts.Topics;
import io.planeval.evaluation.readmodel.EventApplier;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.readmodel.RebuildGate;
import io.planeval.evaluation.readmodel.Recalculation;
import io.planeval.support.events.KafkaSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Empties the read model's copies of plans, indicators and measurements, reads the three source topics again from
 * their beginning up to where they end now, then recomputes every result and stores those that differ, all in one
 * transaction: readers keep seeing the previous model until the new one commits whole. The consumers of every
 * instance wait meanwhile ({@link RebuildGate}) and carry on afterwards; what they receive again is already stored
 * under its version or revision and changes nothing. Event ids are not recorded during a rebuild (a third of its database time). Parked
 * events are read again with the rest, so a rebuild is also how they are retried; a result that differs then goes
 * to the live streams' log, but no evaluation-changed event is published.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.PLANS, Topics.INDICATORS, Topics.MEASUREMENTS);

    @Inject
    RebuildGate gate;

    /** Reading every topic and recomputing every plan takes longer than a request's transaction may. */
    private static final int REBUILD_TIMEOUT_SECONDS = 3600;
    /** Batches read ahead of the one being stored (each up to max.poll.records, 5,000 events). */
    private static final int READ_AHEAD_BATCHES = 2;
    private static final List<String> EMPTIED = List.of("DELETE FROM plan_version", "DELETE FROM indicator_version",
        "DELETE FROM measurement", "DELETE FROM measurement_review", "DELETE FROM processed_event",
        "DELETE FROM parked_event WHERE topic IN ('" + String.join("', '", TOPICS) + "')");

    @Inject
    EventApplier applier;

    @Inject
    Recalculation recalculation;

    @Inject
    ReadModel readModel;

    @Inject
    EntityManager entityManager;

    @Inject
    KafkaSettings kafka;

    @Inject
    MeterRegistry metrics;

    /** Rebuilds in progress on this instance, and the events they have read: an operator follows a long one. */
    private final AtomicInteger running = new AtomicInteger();
    private Counter eventsRead;

    /** What a rebuild read (events, redeliveries included) and how fast, recomputation included. */
    @Schema(name = "RebuildResult")
    public record Result(long events, int plans, long millis, long eventsPerSecond) {
    }

    void onStart(@Observes StartupEvent event) {
        metrics.gauge("planeval.rebuild.running", List.of(), running, AtomicInteger::get);
        eventsRead = metrics.counter("planeval.rebuild.events.read");
    }

    public Result rebuild() {
        running.incrementAndGet();
        try {
            return QuarkusTransaction.requiringNew().timeout(REBUILD_TIMEOUT_SECONDS).call(this::rebuildInOneTransaction);
        } finally {
            running.decrementAndGet();
        }
    }

    private Result rebuildInOneTransaction() {
        gate.close();
        Instant started = Instant.now();
        // DELETE, not TRUNCATE: readers go on reading the rows this transaction deletes until it commits.
        EMPTIED.forEach(statement -> entityManager.createNativeQuery(statement).executeUpdate());
        long events = 0;
        Set<String> plans = new TreeSet<>();
        // One thread reads the topics and their events ahead while this one stores what it read: fetching and
        // parsing the next batch no longer waits for the database.
        BlockingQueue<Read> ahead = new ArrayBlockingQueue<>(READ_AHEAD_BATCHES);
        Thread reader = new Thread(() -> readTopics(ahead), "rebuild-reader");
        reader.start();
        try {
            for (Read read = take(ahead); !read.last(); read = take(ahead)) {
                events += read.batch().size();
                eventsRead.increment(read.batch().size());
                plans.addAll(applier.storeWithoutIds(read.batch()).keySet());
            }
        } finally {
            reader.interrupt();
            join(reader);
        }
        // The results stay: compared with them, only those that differ are written again and logged as changes (the
        // live streams would otherwise replay every result), and those no longer computed are removed.
        for (String plan : plans) {
            Recalculation.Scope everything = new Recalculation.Scope();
            everything.everything();
            readModel.keepResults(plan, recalculation.recalculate(plan, everything, false));
        }
        readModel.keepResultsOf(plans);
        long millis = Math.max(1, Duration.between(started, Instant.now()).toMillis());
        Result result = new Result(events, plans.size(), millis, events * 1000 / millis);
        LOG.infof("Read model rebuilt: %s", result);
        return result;
    }

    /** A batch read from the topics (its events read too), the end of them ({@code last}), or why reading failed. */
    private record Read(EventApplier.Batch batch, boolean last, RuntimeException failure) {
    }

    /** Reads every source topic from its beginning to where it ends now, a batch at a time, into {@code ahead}. */
    private void readTopics(BlockingQueue<Read> ahead) {
        try {
            try (KafkaConsumer<String, String> consumer = consumer()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : TOPICS) {
                    if (consumer.listTopics(Duration.ofSeconds(30)).containsKey(topic)) {
                        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                    List<ConsumerRecord<String, String>> within = new ArrayList<>(batch.count());
                    batch.forEach(r -> {
                        if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                            within.add(r);
                        }
                    });
                    // The events are read here too: this thread would otherwise wait for the database with a free core.
                    ahead.put(new Read(applier.read(within), false, null));
                }
            }
            ahead.put(new Read(null, true, null));
        } catch (InterruptedException e) {
            // The rebuild stopped taking batches: it failed, and says why itself.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                ahead.put(new Read(null, true, e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Read take(BlockingQueue<Read> ahead) {
        try {
            Read read = ahead.take();
            if (read.failure() != null) {
                throw new IllegalStateException("Reading the topics failed: " + read.failure().getMessage(), read.failure());
            }
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rebuild interrupted", e);
        }
    }

    private static void join(Thread reader) {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> settings = kafka.forClient();
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }
}
