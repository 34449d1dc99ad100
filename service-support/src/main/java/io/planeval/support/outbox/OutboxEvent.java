package io.planeval.support.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An event waiting to be relayed to Kafka, relayed ({@code publishedAt} set), or refused by Kafka for good and set
 * aside ({@code parkedAt} set, with the reason).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** The relay's order: from {@code outbox_event_seq}, taken in the statement that writes the event ({@link Outbox}). */
    @Id
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String type;

    /** The event as JSON, exactly as written. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason")
    public String parkReason;

    /** The W3C traceparent of the change that wrote this event; null when it was not traced. */
    @Column(name = "trace_parent")
    public String traceParent;
}
