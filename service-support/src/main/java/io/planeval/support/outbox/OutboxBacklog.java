package io.planeval.support.outbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.planeval.support.time.Moments;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * How many events wait in the outbox and how long the oldest has waited: for readiness, and as the gauges
 * {@code planeval.outbox.backlog} and {@code planeval.outbox.oldest.age.seconds}; and how many events are parked,
 * outgoing or consumed ({@code planeval.parked.events}, for an alert). The relay thread refreshes them once a second
 * (a scrape never waits for the database).
 */
@ApplicationScoped
public class OutboxBacklog {

    /** One look at the outbox. */
    public record Measure(long waiting, Duration oldest, long parked) {
    }

    private static final Duration REFRESH = Duration.ofSeconds(1);

    @Inject
    EntityManager entityManager;

    private volatile Measure last = new Measure(0, Duration.ZERO, 0);
    private volatile Instant nextRefresh = Instant.EPOCH;

    /** The outbox now. */
    public Measure measure() {
        Measure measure = QuarkusTransaction.requiringNew().call(() -> {
            // Parked outgoing events are unpublished too: the partial index on unpublished events serves both.
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE parked_at IS NULL), min(created_at) FILTER (WHERE parked_at IS NULL),
                           count(*) FILTER (WHERE parked_at IS NOT NULL) + (SELECT count(*) FROM parked_event)
                    FROM outbox_event WHERE published_at IS NULL""")
                .getSingleResult();
            return new Measure(((Number) row[0]).longValue(),
                row[1] == null ? Duration.ZERO : Duration.between(Moments.of(row[1]), Instant.now()),
                ((Number) row[2]).longValue());
        });
        last = measure;
        return measure;
    }

    void refreshIfDue() {
        Instant now = Instant.now();
        if (now.isAfter(nextRefresh)) {
            nextRefresh = now.plus(REFRESH);
            measure();
        }
    }

    double waiting() {
        return last.waiting();
    }

    double oldestSeconds() {
        return last.oldest().toMillis() / 1000.0;
    }

    double parked() {
        return last.parked();
    }
}
