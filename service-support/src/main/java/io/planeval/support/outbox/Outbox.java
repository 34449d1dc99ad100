package io.planeval.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Event;
import io.planeval.support.SupportConfig;
import io.planeval.support.events.EventTracing;
import io.planeval.support.notice.CommitNotices;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.time.Moments;

/**
 * Where a service writes the events of a change, in the change's own transaction: the event is published
 * if and only if the change commits. The relaying instance, whichever it is, is woken by the commit. An event larger than Kafka takes
 * here ({@code planeval.outbox.max-event-bytes}) refuses the change, so that nothing is accepted that cannot be
 * published.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CommitNotices notices;

    @Inject
    StatelessSession statelessSession;

    @Inject
    SupportConfig config;

    @Inject
    EventTracing tracing;

    /** Adds an event to the current transaction; returns its id (the CloudEvents {@code id}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(Event event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Adds events to the current transaction, to be relayed in this order, each as JSON; returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<? extends Event> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = Moments.now();
        String traceParent = tracing.currentParent();
        List<OutboxEvent> events = new ArrayList<>(messages.size());
        for (Event message : messages) {
            OutboxEvent event = new OutboxEvent();
            event.eventId = UUID.randomUUID();
            event.topic = message.topic();
            event.key = message.key();
            event.type = message.type();
            event.payload = toJson(message);
            event.createdAt = now;
            event.traceParent = traceParent;
            events.add(event);
        }
        // Events are only added here: JDBC batches, without a persistence context to flush and check.
        statelessSession.insertMultiple(events);
        // The relaying instance, LISTENing, wakes at the commit.
        notices.atCommit(RelayLeadership.CHANNEL);
        return events.stream().map(event -> event.eventId).toList();
    }

    private String toJson(Object payload) {
        String json;
        try {
            json = objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be written as JSON: " + payload.getClass(), e);
        }
        int max = config.outbox().maxEventBytes();
        // A character is at most three bytes: only a long payload needs counting.
        if ((long) json.length() * 3 > max) {
            int bytes = json.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > max) {
                throw ProblemException.tooLarge("This change cannot be published: its event would be " + bytes
                    + " bytes, more than the " + max + " an event may have here (planeval.outbox.max-event-bytes). "
                    + "Nothing was changed; make it smaller, e.g. shorter descriptions or fewer nodes per plan.");
            }
        }
        return json;
    }
}
