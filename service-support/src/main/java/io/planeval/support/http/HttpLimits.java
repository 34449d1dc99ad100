package io.planeval.support.http;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.support.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request URI longer than {@value #MAX_URI_LENGTH} characters (414) and a body whose Content-Length is
 * over {@code quarkus.http.limits.max-body-size} (413) with problem details, before anything reads the body. Like
 * Quarkus' own check, which it runs ahead of, it closes the connection after answering, so a client still sending
 * the body is not left waiting. (A chunked body over the limit is cut by Quarkus with a bare 413; a request line
 * beyond {@code quarkus.http.limits.max-initial-line-length} gets the HTTP layer's bare 414.) Java 17's HttpClient
 * with {@code expectContinue(true)} cannot read such an early answer with a body (a JDK bug, fixed in later JDKs):
 * such a client needs a request timeout, as every client should have.
 */
@ApplicationScoped
public class HttpLimits {

    public static final int MAX_URI_LENGTH = 4096;

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        // Quarkus' own body-size check runs at order -2.
        router.route().order(-3).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(context, Problem.of(414, "URI Too Long", "The request URI has " + uri.length()
                + " characters; at most " + MAX_URI_LENGTH + " are accepted"));
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent() && tooLong(length, maxBodySize.get().asLongValue())) {
            refuse(context, Problem.of(413, "Content Too Large", "The body has " + length.trim() + " bytes; at most "
                + maxBodySize.get().asLongValue() + " are accepted (split a bulk post into several requests)"));
            return;
        }
        context.next();
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response()
            .setStatusCode(problem.status())
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CONNECTION, "close")
            .endHandler(ended -> context.request().connection().close())
            .end(Buffer.buffer(body));
    }
}
