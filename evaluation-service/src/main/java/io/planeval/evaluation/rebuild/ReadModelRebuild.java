package io.planeval.evaluation.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.planeval.contracts.Topics;
import io.planeval.evaluation.readmodel.EventApplier;
import io.planeval.evaluation.readmodel.PlansChanged;
import io.planeval.evaluation.readmodel.RebuildGate;
import io.planeval.evaluation.readmodel.Recalculation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;

/**
 * Empties the read model and reads the three source topics again from their beginning up to where they end now,
 * then recomputes every result. The consumers wait meanwhile and carry on afterwards; what they receive again is
 * already stored under its version or revision and changes nothing. Event ids are not recorded during a rebuild
 * (a third of its database time). No evaluation-changed events are published: a rebuild changes nothing.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.PLANS, Topics.INDICATORS, Topics.MEASUREMENTS);

    @Inject
    RebuildGate gate;

    /** Recomputing a large plan from scratch takes longer than a request's transaction may. */
    private static final int RECALCULATION_TIMEOUT_SECONDS = 1800;

    @Inject
    EventApplier applier;

    @Inject
    Recalculation recalculation;

    @Inject
    EntityManager entityManager;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    /** What a rebuild read (events, redeliveries included) and how fast, recomputation included. */
    public record Result(long events, int plans, long millis, long eventsPerSecond) {
    }

    @Inject
    Event<PlansChanged> plansChanged;

    public Result rebuild() {
        Result result = gate.closed(this::run);
        plansChanged.fire(new PlansChanged(null));
        return result;
    }

    private Result run() {
        Instant started = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
            "TRUNCATE plan_version, indicator_version, measurement, indicator_result, processed_event, dead_letter_event").executeUpdate());
        long[] events = {0};
        Set<String> plans = new TreeSet<>();
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
                events[0] += within.size();
                plans.addAll(QuarkusTransaction.requiringNew().call(() -> applier.storeWithoutIds(within)).keySet());
            }
        }
        for (String plan : plans) {
            Recalculation.Scope everything = new Recalculation.Scope();
            everything.everything();
            QuarkusTransaction.requiringNew().timeout(RECALCULATION_TIMEOUT_SECONDS)
                .run(() -> recalculation.recalculate(plan, everything, false));
        }
        long millis = Math.max(1, Duration.between(started, Instant.now()).toMillis());
        Result result = new Result(events[0], plans.size(), millis, events[0] * 1000 / millis);
        LOG.infof("Read model rebuilt: %s", result);
        return result;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.getOrDefault("bootstrap.servers", "localhost:9092"));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }
}
