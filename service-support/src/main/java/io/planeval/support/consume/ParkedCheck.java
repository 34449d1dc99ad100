package io.planeval.support.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;

/**
 * Parked events, consumed and published: DOWN while any wait for an operator. A wellness check, so it shows on
 * {@code /q/health} and {@code /q/health/well} without taking the instance out of service: the events around a
 * parked one go on.
 */
@Wellness
@ApplicationScoped
public class ParkedCheck implements HealthCheck {

    @Inject
    EntityManager entityManager;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                SELECT (SELECT count(*) FROM parked_event), (SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL)""")
            .getSingleResult();
        long consumed = ((Number) counts[0]).longValue();
        long published = ((Number) counts[1]).longValue();
        return HealthCheckResponse.named("parked events")
            .withData("consumed", consumed)
            .withData("outbox", published)
            .status(consumed == 0 && published == 0)
            .build();
    }
}
