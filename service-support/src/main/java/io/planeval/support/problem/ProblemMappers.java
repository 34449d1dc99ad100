package io.planeval.support.problem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.planeval.contracts.Vocabulary;
import io.planeval.support.json.StrictJson;
import io.planeval.support.text.Text;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;

/** Turns every refusal into {@code application/problem+json}, whatever raised it, in the API's own words. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = respond(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", e.retryAfterSeconds());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(jsonProblem(e));
    }

    /** Named too, so it wins over Quarkus' own mapper of this type, which answers in plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    /** No token, or one that is not valid: 401, with the scheme to use. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        Response response = respond(Problem.of(401, "Unauthorized",
            "A valid bearer token is required (Authorization: Bearer <token> from the planeval realm)"));
        response.getHeaders().putSingle("WWW-Authenticate", "Bearer");
        return response;
    }

    /** A valid token without the role the operation needs. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "The token does not hold a role this operation needs"));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (connectionClosed(e)) {
            // The client went away, or HttpLimits answered 408 while the body was being read: no one is left to answer.
            LOG.debugf("The connection closed before the request was read: %s", e.getMessage());
            return respond(Problem.of(408, "Request Timeout", "The connection closed before the request was read"));
        }
        LOG.error("Request failed", e);
        return respond(Problem.of(500, "Internal Server Error", "The request failed; nothing was changed. See the service log."));
    }

    private static boolean connectionClosed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A body that is not JSON is "Malformed JSON"; JSON with a wrong value names the field and what it must be. */
    public static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().isEmpty() ? "body" : path(mapping.getPath());
            String reason = reason(mapping);
            return new Problem("about:blank", "Invalid request", 400, field + ": " + reason, List.of(new Violation(field, reason)));
        }
        String reason = syntaxReason(e);
        return new Problem("about:blank", "Malformed JSON", 400, reason, List.of(new Violation("body", reason)));
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof StrictJson.Refused) {
            return e.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field here" + known(unknown.getKnownPropertyIds());
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            return "the JSON document must end after its first value";
        }
        if (e instanceof ValueInstantiationException refused && refused.getCause() instanceof IllegalArgumentException required) {
            // A record that checks itself (the contracts' events) said what is missing.
            return required.getMessage();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return Text.excerpt(String.valueOf(invalid.getValue())) + " is not one of " + words(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "has a value that cannot be read here";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String words(Class<?> enumType) {
        return String.join(", ", Vocabulary.words((Class) enumType));
    }

    private static String known(Collection<Object> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        return " (fields: " + names.stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
    }

    /** The JSON shape a Java type is read from. */
    private static String expected(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.") ? "an object" : "another value";
    }

    /** Jackson's own syntax messages are plain; what names a Java class or setting is cut, and so is the input. */
    private static String syntaxReason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        message = message.lines().findFirst().orElse(message)
            .replaceAll(",? ?\\(?from `[^`]*`\\)?", "")
            .replaceAll("`[^`]*`", "a setting");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
            : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return message + where;
    }

    /** Jackson's path as a JSON path: {@code nodes[17].parent}. */
    static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
            .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining())
            .replaceFirst("^\\.", "");
    }

}
