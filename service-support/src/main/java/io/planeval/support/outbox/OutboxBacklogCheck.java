package io.planeval.support.outbox;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.planeval.support.SupportConfig;

/** Readiness: how many events wait in the outbox and for how long; DOWN when the oldest waits too long. */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    @Inject
    EntityManager entityManager;

    @Inject
    SupportConfig config;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL")
            .getSingleResult();
        long waiting = ((Number) row[0]).longValue();
        Duration oldest = row[1] == null ? Duration.ZERO : Duration.between(toInstant(row[1]), Instant.now());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
            .withData("unpublished", waiting)
            .withData("oldestUnpublishedSeconds", oldest.toSeconds());
        return response.status(oldest.compareTo(config.outbox().maxBacklogAge()) <= 0).build();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
