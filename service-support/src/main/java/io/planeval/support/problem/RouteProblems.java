package io.planeval.support.problem;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/** Refusals made before JAX-RS (in the HTTP layer's filters), in the same problem+json as every other refusal. */
@ApplicationScoped
public class RouteProblems {

    @Inject
    ObjectMapper objectMapper;

    /** Ends the request with the problem, and these headers beside its Content-Type. */
    public void send(RoutingContext context, Problem problem, Map<String, String> headers) {
        try {
            String body = objectMapper.writeValueAsString(problem);
            context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
            headers.forEach(context.response()::putHeader);
            context.response().end(body);
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
