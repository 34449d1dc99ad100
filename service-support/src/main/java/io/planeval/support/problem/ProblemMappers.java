package io.planeval.support.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns every refusal into {@code application/problem+json}, whatever raised it. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
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

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Request failed", e);
        return respond(Problem.of(500, "Internal Server Error", "The request failed; nothing was changed. See the service log."));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return new Problem("about:blank", "Malformed JSON", 400, reason + where, List.of(new Violation("body", reason + where)));
        }
        String field = path(mapping.getPath());
        return new Problem("about:blank", "Invalid request", 400, field + ": " + reason, List.of(new Violation(field, reason)));
    }

    /** Jackson's path as a JSON path: {@code nodes[17].parent}. */
    static String path(List<JsonMappingException.Reference> references) {
        return references.stream()
            .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining())
            .replaceFirst("^\\.", "");
    }
}
