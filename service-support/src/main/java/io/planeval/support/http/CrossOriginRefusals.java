package io.planeval.support.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.planeval.support.problem.Problem;
import io.planeval.support.problem.RouteProblems;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * A browser's request from a page of an origin not listed in {@code quarkus.http.cors.origins} is refused in
 * problem+json, as every refusal is, just before Quarkus' CORS filter would refuse it with a bare 403. Hand-written
 * because that filter offers no way to shape its refusal; it decides the same way (same origin, or listed exactly).
 */
@ApplicationScoped
public class CrossOriginRefusals {

    @Inject
    RouteProblems problems;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> origins;

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.CORS + 1);
    }

    void check(RoutingContext context) {
        String origin = context.request().getHeader("Origin");
        if (origin == null || allowed(origin, context)) {
            context.next();
            return;
        }
        String reason = "'" + Text.excerpt(origin) + "' is not an origin whose pages may call this service "
            + "(quarkus.http.cors.origins)";
        problems.send(context, new Problem("about:blank", "Forbidden", 403, "Origin: " + reason, List.of(new Violation("Origin", reason))),
            Map.of());
    }

    private boolean allowed(String origin, RoutingContext context) {
        String own = context.request().scheme() + "://" + context.request().getHeader("Host");
        return origin.equalsIgnoreCase(own) || origins.orElse(List.of()).stream().anyMatch(listed -> listed.equalsIgnoreCase(origin));
    }
}
