package io.planeval.support.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.StatelessSession;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a service writes the events of a change, in the change's own transaction: the event is published
 * if and only if the change commits. The relay is woken right after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    StatelessSession statelessSession;

    /** An event to append: its payload is written as JSON. */
    public record Message(String topic, String key, String type, Object payload) {
    }

    /** Adds an event to the current transaction; returns its id (the CloudEvents {@code id}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, Object payload) {
        return appendAll(List.of(new Message(topic, key, type, payload))).get(0);
    }

    /** Adds events to the current transaction, to be relayed in this order; returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        List<OutboxEvent> events = new ArrayList<>(messages.size());
        for (Message message : messages) {
            OutboxEvent event = new OutboxEvent();
            event.eventId = UUID.randomUUID();
            event.topic = message.topic();
            event.key = message.key();
            event.type = message.type();
            event.payload = toJson(message.payload());
            event.createdAt = now;
            events.add(event);
        }
        // Events are only added here: JDBC batches, without a persistence context to flush and check.
        statelessSession.insertMultiple(events);
        wakeRelayAfterCommit();
        return events.stream().map(event -> event.eventId).toList();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
