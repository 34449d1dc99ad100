package io.planeval.support.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * Events this instance keeps failing to apply (and retries, never parks): DOWN while any does, with what, since when
 * and why, for an operator to mend. A wellness check: the instance stays in service.
 */
@Wellness
@ApplicationScoped
public class ApplyingCheck implements HealthCheck {

    @Inject
    Consumption consumption;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("events applying").up();
        for (Consumption.Failing failing : consumption.failing()) {
            response.down().withData(failing.what(), "since " + failing.since() + ", " + failing.attempts()
                + " attempt(s): " + failing.reason());
        }
        return response.build();
    }
}
