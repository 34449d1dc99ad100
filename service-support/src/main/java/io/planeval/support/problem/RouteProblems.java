package io.planeval.support.problem;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Refusals made before JAX-RS (in the HTTP layer's filters and routes), in the same problem+json as every other refusal. */
@ApplicationScoped
public class RouteProblems {

    private static final Pattern CONFIGURED_HEADER = Pattern.compile("quarkus\\.http\\.header\\.\"?([^\"]+)\"?\\.value");

    @Inject
    ObjectMapper objectMapper;

    /** The headers every answer carries ({@code quarkus.http.header.*}): a refusal made before Quarkus adds them adds them itself. */
    private final Map<String, String> securityHeaders = new HashMap<>();

    @PostConstruct
    void readSecurityHeaders() {
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            Matcher header = CONFIGURED_HEADER.matcher(name);
            if (header.matches()) {
                securityHeaders.put(header.group(1), config.getValue(name, String.class));
            }
        }
    }

    /** Ends the request with the problem, and these headers beside its Content-Type. */
    public void send(RoutingContext context, Problem problem, Map<String, String> headers) {
        try {
            String body = objectMapper.writeValueAsString(problem);
            securityHeaders.forEach((name, value) -> {
                if (!context.response().headers().contains(name)) {
                    context.response().putHeader(name, value);
                }
            });
            context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            headers.forEach(context.response()::putHeader);
            context.response().end(body);
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /**
     * Ends the request with the problem and closes the connection once it is written: for a request whose body is
     * not read, so that a client still sending it is not left waiting and the rest is not taken for a request.
     */
    public void sendAndClose(RoutingContext context, Problem problem) {
        context.response().endHandler(ended -> context.request().connection().close());
        send(context, problem, Map.of(HttpHeaders.CONNECTION.toString(), "close"));
    }
}
