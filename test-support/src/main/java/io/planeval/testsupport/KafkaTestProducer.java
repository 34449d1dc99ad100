package io.planeval.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to the test broker as another service would: CloudEvents binary mode, JSON payload. */
public final class KafkaTestProducer {

    private KafkaTestProducer() {
    }

    /** An event to publish; the same id twice is the same event delivered twice. */
    public record TestEvent(String topic, String key, String type, String json, String id) {

        public TestEvent(String topic, String key, String type, String json) {
            this(topic, key, type, json, UUID.randomUUID().toString());
        }
    }

    /** Sends the events in order through one producer and waits until the broker has them all. */
    public static void sendAll(List<TestEvent> events) {
        events.stream().map(TestEvent::topic).distinct().forEach(KafkaTestProducer::ensureTopic);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (TestEvent event : events) {
                producer.send(record(event));
            }
            producer.flush();
        }
    }

    private static ProducerRecord<String, String> record(TestEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.json());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", event.id());
        header(record, "ce_source", "/planeval/test");
        header(record, "ce_type", event.type());
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    /** Sends one event and waits for the broker's acknowledgement; returns its CloudEvents id. */
    public static String send(String topic, String key, String type, String json) {
        return send(topic, key, type, json, UUID.randomUUID().toString());
    }

    /** Sends with a given id, e.g. to deliver the same event twice. */
    public static String send(String topic, String key, String type, String json, String eventId) {
        ensureTopic(topic);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(record(new TestEvent(topic, key, type, json, eventId))).get(30, TimeUnit.SECONDS);
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void ensureTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.shared().bootstrapServers()))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + topic, e);
        }
    }
}
