package io.planeval.support.http;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.planeval.support.SupportConfig;
import io.planeval.support.problem.Problem;
import io.planeval.support.problem.RouteProblems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, with problem details and before anything reads the body: a request URI longer than
 * {@value #MAX_URI_LENGTH} characters (414), a body whose Content-Length is over
 * {@code quarkus.http.limits.max-body-size} (413), and a body that has not fully arrived within
 * {@code planeval.http.body-timeout} (408, e.g. one shorter than its Content-Length). Like Quarkus' own size check,
 * which it runs ahead of, it closes the connection after answering, so a client still sending the body is not left
 * waiting. (A chunked body over the limit is cut by Quarkus with a bare 413; a request line beyond
 * {@code quarkus.http.limits.max-initial-line-length} gets the HTTP layer's bare 414.) Java 17's HttpClient with
 * {@code expectContinue(true)} cannot read such an early answer with a body (a JDK bug, fixed in later JDKs): such a
 * client needs a request timeout, as every client should have.
 */
@ApplicationScoped
public class HttpLimits {

    public static final int MAX_URI_LENGTH = 4096;

    @Inject
    RouteProblems problems;

    @Inject
    SupportConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        // Quarkus' own body-size check runs at order -2.
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            problems.sendAndClose(context, Problem.of(414, "URI Too Long", "The request URI has " + uri.length()
                + " characters; at most " + MAX_URI_LENGTH + " are accepted"));
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent() && tooLong(length, maxBodySize.get().asLongValue())) {
            problems.sendAndClose(context, Problem.of(413, "Content Too Large", "The body has " + length.trim()
                + " bytes; at most " + maxBodySize.get().asLongValue()
                + " are accepted (split a bulk post into several requests)"));
            return;
        }
        if (length != null && !length.trim().equals("0") || context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            timeBody(context);
        }
        context.next();
    }

    /** A body still arriving when the timeout ends is refused, so that a stalled client does not hold a connection. */
    private void timeBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        long timeout = config.http().bodyTimeout().toMillis();
        long timer = context.vertx().setTimer(timeout, fired -> {
            if (!request.isEnded() && !context.response().headWritten()) {
                problems.sendAndClose(context, Problem.of(408, "Request Timeout", "The body did not arrive in full within "
                    + config.http().bodyTimeout().toSeconds() + " s (is it shorter than its Content-Length?)"));
            }
        });
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
