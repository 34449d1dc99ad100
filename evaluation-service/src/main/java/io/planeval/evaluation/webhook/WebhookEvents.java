package io.planeval.evaluation.webhook;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.DeliveryState;
import io.planeval.support.consume.Consumption;
import io.planeval.support.consume.PoisonEvent;
import io.planeval.support.events.CloudEventHeaders;
import io.planeval.support.time.Moments;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Turns each event of the subscribed types into a delivery per matching subscription made before the event happened,
 * stored before the event's offset is committed (its own consumer group, so the read model's progress is not held up):
 * at least once, whatever restarts.
 * The body is the event as a CloudEvents 1.0 JSON document, the same data as on Kafka.
 */
@ApplicationScoped
public class WebhookEvents {

    @Inject
    Consumption consumption;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Webhooks webhooks;

    @Incoming("webhook-events")
    @Blocking
    public void store(ConsumerRecords<String, String> records) {
        try {
            consumption.applyTogether(records, "a batch of " + records.count() + " events for webhooks", () -> deliveries(records));
        } catch (Consumption.GaveUp e) {
            for (ConsumerRecord<String, String> record : records) {
                consumption.apply(record, () -> deliveries(List.of(record)));
            }
        }
    }

    private int deliveries(Iterable<ConsumerRecord<String, String>> records) {
        List<Webhook> subscriptions = webhooks.all();
        int stored = 0;
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, CloudEventHeaders.TYPE);
            String id = header(record, CloudEventHeaders.ID);
            if (type == null || id == null || !Webhooks.TYPES.contains(type)) {
                continue;
            }
            String plan = record.key();
            Instant happened = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME).map(Instant::parse).orElse(null);
            byte[] body = null;
            for (Webhook webhook : subscriptions) {
                if (!webhook.eventTypes().contains(type) || !(webhook.planCodes().isEmpty() || webhook.planCodes().contains(plan))
                    || (happened != null && happened.isBefore(webhook.createdAt()))) {
                    continue;
                }
                body = body == null ? cloudEvent(record, type, id) : body;
                stored += entityManager.createNativeQuery("""
                        INSERT INTO webhook_delivery (webhook_id, message_id, event_type, plan_code, body, created_at, next_attempt_at, state)
                        VALUES (:webhook, :id, :type, :plan, :body, :now, :now, :state) ON CONFLICT DO NOTHING""")
                    .setParameter("webhook", webhook.id())
                    .setParameter("id", id)
                    .setParameter("type", type)
                    .setParameter("plan", plan)
                    .setParameter("body", body)
                    .setParameter("now", Moments.now())
                    .setParameter("state", Vocabulary.wire(DeliveryState.PENDING))
                    .executeUpdate();
            }
        }
        return stored;
    }

    /** The event in CloudEvents' structured JSON form: its attributes from the Kafka headers, its data the record's value. */
    private byte[] cloudEvent(ConsumerRecord<String, String> record, String type, String id) {
        try {
            ObjectNode event = objectMapper.createObjectNode();
            event.put("specversion", "1.0");
            event.put("id", id);
            event.put("source", header(record, CloudEventHeaders.SOURCE));
            event.put("type", type);
            event.put("time", header(record, CloudEventHeaders.TIME));
            event.put("subject", record.key());
            event.put("dataschema", header(record, CloudEventHeaders.DATA_SCHEMA));
            event.put("datacontenttype", "application/json");
            event.set("data", objectMapper.readTree(record.value()));
            return objectMapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new PoisonEvent("Event " + id + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.read(record.headers(), name).orElse(null);
    }
}
