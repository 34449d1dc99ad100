package io.planeval.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    OutboxBacklog backlog;

    @Inject
    SupportConfig config;

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog.Measure measure = backlog.measure();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox")
            .withData("unpublished", measure.waiting())
            .withData("oldestUnpublishedSeconds", measure.oldest().toSeconds());
        return response.status(measure.oldest().compareTo(config.outbox().maxBacklogAge()) <= 0).build();
    }
}
