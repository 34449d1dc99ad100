package io.planeval.support.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.support.problem.ProblemMappers;

/**
 * Reads event payloads; one that does not fit its contract is poison, never retried. Fields it does not know are
 * ignored, so that a producer can add one (a compatible change) without its consumers parking every event.
 */
@ApplicationScoped
public class EventJson {

    @Inject
    ObjectMapper objectMapper;

    public <T> T read(String payload, Class<T> type) {
        if (payload == null) {
            throw new PoisonEvent("Event without a payload, expected " + type.getSimpleName());
        }
        try {
            return objectMapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
        } catch (JsonProcessingException e) {
            throw new PoisonEvent("Payload is not a " + type.getSimpleName() + ": " + ProblemMappers.jsonProblem(e).detail(), e);
        }
    }
}
