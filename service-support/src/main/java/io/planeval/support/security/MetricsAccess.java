package io.planeval.support.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.planeval.support.problem.Problem;
import io.planeval.support.problem.RouteProblems;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * Metrics ({@code /q/metrics}) for the roles {@code metrics} and {@code ops} only. Hand-written rather than an HTTP
 * permission, whose refusals are bare: these are problem+json like every other refusal (401 with the scheme, 403).
 */
@ApplicationScoped
public class MetricsAccess {

    @Inject
    RouteProblems problems;

    /** After authentication has been set up (it runs when asked for), before anything serves metrics. */
    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.AUTHORIZATION);
    }

    void check(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.equals("/q/metrics") && !path.startsWith("/q/metrics/")) {
            context.next();
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
            identity -> {
                if (identity.isAnonymous()) {
                    refuse(context, unauthenticated());
                } else if (identity.hasRole(Roles.METRICS) || identity.hasRole(Roles.OPS)) {
                    context.next();
                } else {
                    refuse(context, Problem.of(403, "Forbidden", "Metrics are for the roles metrics and ops"));
                }
            },
            failure -> refuse(context, unauthenticated()));
    }

    private static Problem unauthenticated() {
        return Problem.of(401, "Unauthorized", "A valid bearer token with the role metrics or ops is required");
    }

    private void refuse(RoutingContext context, Problem problem) {
        problems.send(context, problem, problem.status() == 401 ? Map.of("WWW-Authenticate", "Bearer") : Map.of());
    }
}
