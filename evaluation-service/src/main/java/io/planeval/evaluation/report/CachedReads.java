package io.planeval.evaluation.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

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

    /** An answer's bytes with their ETag, digested once (the current report keeps it with its bytes). */
    public record Tagged(byte[] body, EntityTag tag) {

        public static Tagged of(byte[] body) {
            return new Tagged(body, new EntityTag(digest(body)));
        }
    }

    /** The value as JSON (or an answer already written and tagged), or 304 where the client has it already. */
    public Response json(Request request, boolean openData, Object value) {
        try {
            Tagged answer = value instanceof Tagged tagged ? tagged : Tagged.of(objectMapper.writeValueAsBytes(value));
            return respond(request, openData, answer, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An evaluation answer could not be written as JSON", e);
        }
    }

    /** These bytes of this type, or 304 where the client has them already. */
    public Response bytes(Request request, boolean openData, byte[] body, MediaType type) {
        return respond(request, openData, Tagged.of(body), type);
    }

    /** An answer already tagged (kept by CurrentReports), of this type, or 304 where the client has it already. */
    public Response bytes(Request request, boolean openData, Tagged answer, MediaType type) {
        return respond(request, openData, answer, type);
    }

    /**
     * These bytes of this type with the moment they last changed, for harvesters that ask with If-Modified-Since (an
     * If-None-Match, where sent, decides instead).
     */
    public Response bytes(Request request, boolean openData, byte[] body, MediaType type, Instant lastModified) {
        Tagged answer = Tagged.of(body);
        // HTTP dates have whole seconds; the ETag tells apart changes within one.
        Date modified = Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified, answer.tag());
        return finish(unchanged != null ? unchanged : Response.ok(answer.body(), type), openData, answer).lastModified(modified).build();
    }

    private Response respond(Request request, boolean openData, Tagged answer, MediaType type) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(answer.tag());
        return finish(unchanged != null ? unchanged : Response.ok(answer.body(), type), openData, answer).build();
    }

    private Response.ResponseBuilder finish(Response.ResponseBuilder response, boolean openData, Tagged answer) {
        String cache = openData ? "public, max-age=" + config.publicMaxAge().toSeconds() : "private, no-cache";
        return response.tag(answer.tag()).header(HttpHeaders.CACHE_CONTROL, cache);
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
