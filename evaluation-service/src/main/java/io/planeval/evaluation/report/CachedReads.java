package io.planeval.evaluation.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.evaluation.EvaluationConfig;

/**
 * Evaluation reads as caches want them: an ETag that is a digest of the answer, so {@code If-None-Match} gets 304
 * whenever the answer would be the same, whichever instance gives it; shared caches (a CDN) may keep an open-data
 * plan's answers for a few seconds, anybody else's only the client itself, and it asks again each time.
 */
@ApplicationScoped
public class CachedReads {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EvaluationConfig config;

    /** The value as JSON, or 304 where the client has it already. */
    public Response json(Request request, boolean openData, Object value) {
        try {
            return bytes(request, openData, value instanceof byte[] bytes ? bytes : objectMapper.writeValueAsBytes(value),
                MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An evaluation answer could not be written as JSON", e);
        }
    }

    /** These bytes of this type, or 304 where the client has them already. */
    public Response bytes(Request request, boolean openData, byte[] body, MediaType type) {
        EntityTag tag = new EntityTag(digest(body));
        String cache = openData ? "public, max-age=" + config.publicMaxAge().toSeconds() : "private, no-cache";
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = unchanged != null ? unchanged : Response.ok(body, type);
        return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
