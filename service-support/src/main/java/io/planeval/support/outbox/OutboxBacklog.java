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
 * {@code planeval.outbox.backlog} and {@code planeval.outbox.oldest.age.seconds}, which the relay thread refreshes
 * once a second (a scrape never waits for the database).
 */
@ApplicationScoped
public class OutboxBacklog {

    /** One look at the outbox. */
    public record Measure(long waiting, Duration oldest) {
    }

    private static final Duration REFRESH = Duration.ofSeconds(1);

    @Inject
    EntityManager entityManager;

    private volatile Measure last = new Measure(0, Duration.ZERO);
    private volatile Instant nextRefresh = Instant.EPOCH;

    /** The outbox now. */
    public Measure measure() {
        Measure measure = QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                    "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL")
                .getSingleResult();
            return new Measure(((Number) row[0]).longValue(),
                row[1] == null ? Duration.ZERO : Duration.between(Moments.of(row[1]), Instant.now()));
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
}
