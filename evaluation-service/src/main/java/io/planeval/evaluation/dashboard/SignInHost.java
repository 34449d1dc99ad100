package io.planeval.evaluation.dashboard;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.planeval.evaluation.EvaluationConfig;
import io.planeval.support.problem.Problem;
import io.planeval.support.problem.RouteProblems;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * Signing in and out redirects a reader to the realm and back, to addresses built from the request's Host: so the
 * sign-in paths answer only under the dashboard's configured address ({@code planeval.evaluation.public-url}), and a
 * request naming another Host is refused before the realm is asked anything.
 */
@ApplicationScoped
public class SignInHost {

    private static final List<String> SIGN_IN_PATHS = List.of("/login", "/logout");

    @Inject
    EvaluationConfig config;

    @Inject
    RouteProblems problems;

    /** After CORS, before authentication (which would redirect to the realm). */
    void register(@Observes Filters filters) {
        filters.register(this::onlyUnderThePublicAddress, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    void onlyUnderThePublicAddress(RoutingContext context) {
        if (!SIGN_IN_PATHS.contains(context.normalizedPath())) {
            context.next();
            return;
        }
        URI publicUrl = config.publicUrl();
        String expected = publicUrl.getPort() < 0 ? publicUrl.getHost() : publicUrl.getHost() + ":" + publicUrl.getPort();
        String host = context.request().getHeader("Host");
        if (expected.equalsIgnoreCase(host)) {
            context.next();
            return;
        }
        String reason = "'" + Text.excerpt(String.valueOf(host)) + "' is not where the dashboard is reached: sign in at "
            + publicUrl.resolve("/login");
        problems.send(context, new Problem("about:blank", "Invalid request", 400, "Host: " + reason,
            List.of(new Violation("Host", reason))), Map.of());
    }
}
