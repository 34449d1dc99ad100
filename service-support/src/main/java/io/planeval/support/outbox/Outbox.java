package io.planeval.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Event;
import io.planeval.support.SupportConfig;
import io.planeval.support.events.EventTracing;
import io.planeval.support.notice.CommitNotices;
import io.planeval.support.persistence.ArrayStatements;
import io.planeval.support.persistence.ArrayStatements.Column;
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

    /** The columns of an event written; its moment and trace go once for all. */
    private static final List<Column<Written>> COLUMNS = List.of(
        new Column<>("uuid", Written::id),
        new Column<>("text", written -> written.event().topic()),
        new Column<>("text", written -> written.event().key()),
        new Column<>("text", written -> written.event().type()),
        new Column<>("text", Written::payload));

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CommitNotices notices;

    @Inject
    EntityManager entityManager;

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
        List<Written> events = new ArrayList<>(messages.size());
        for (Event message : messages) {
            events.add(new Written(UUID.randomUUID(), message, toJson(message)));
        }
        // One statement and one round trip however many events (a bulk post writes thousands), seqs in the list's order.
        // Each nextval is a value of its own: the sequence's step of 1000, from when Hibernate took ids in blocks
        // (R__outbox_event_seq_step.sql), leaves gaps and never meets an id an older instance takes from its block.
        ArrayStatements.execute(entityManager, """
                INSERT INTO outbox_event (seq, event_id, topic, message_key, type, payload, created_at, trace_parent)
                SELECT nextval('outbox_event_seq'), e.event_id, e.topic, e.message_key, e.type, e.payload, written.at, written.trace
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                         AS e (event_id, topic, message_key, type, payload, ord),
                     (SELECT ?::timestamptz, ?::text) AS written (at, trace)
                ORDER BY e.ord""",
            events, COLUMNS, Arrays.asList(Moments.now(), tracing.currentParent()));
        // The relaying instance, LISTENing, wakes at the commit.
        notices.atCommit(RelayLeadership.CHANNEL);
        return events.stream().map(Written::id).toList();
    }

    /** An event as it is written: its id, and its JSON. */
    private record Written(UUID id, Event event, String payload) {
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
