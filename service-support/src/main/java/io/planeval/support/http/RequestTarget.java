package io.planeval.support.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.planeval.support.problem.Problem;
import io.planeval.support.problem.RouteProblems;
import io.planeval.support.problem.Violation;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request target that is not a URI (RFC 3986: a bad percent escape, a space, a raw non-ASCII character) with
 * problem details naming the path or the query, before any route reads it. Quarkus' own check answers a bare 400, so
 * it is turned off where every service starts ({@code -Dvertx.disableURIValidation=true} in deploy/jvm.options and the
 * test JVMs) and this one, which decides the same way ({@link URI}), runs first instead.
 */
@ApplicationScoped
public class RequestTarget {

    @Inject
    RouteProblems problems;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::failed);
    }

    /**
     * Vert.x fails a request it cannot route (no Host header, an empty path) with a bare 400: this answers for it. A
     * request whose answer was already sent (HttpLimits' 408 while the body was being read) has no one left to answer.
     */
    private void failed(RoutingContext context) {
        if (context.response().ended() || context.response().closed()) {
            return;
        }
        if (context.statusCode() != 400 || context.response().headWritten()) {
            context.next();
            return;
        }
        problems.send(context, Problem.of(400, "Bad Request",
            context.failure() == null ? "The request cannot be routed" : context.failure().getMessage()), Map.of());
    }

    private void check(RoutingContext context) {
        String target = context.request().uri();
        try {
            new URI(target);
            context.next();
        } catch (URISyntaxException e) {
            int query = target.indexOf('?');
            String part = query >= 0 && e.getIndex() > query ? "query" : "path";
            String reason = "The " + part + " is not a valid URI " + part + ": " + e.getReason()
                + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
                + " (percent-encode spaces, non-ASCII characters and a literal % as %25)";
            problems.send(context, new Problem("about:blank", "Bad Request", 400, reason, List.of(new Violation(part, reason))),
                Map.of());
        }
    }
}
