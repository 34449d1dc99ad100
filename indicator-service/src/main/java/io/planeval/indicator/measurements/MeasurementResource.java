package io.planeval.indicator.measurements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;
import io.planeval.support.text.Text;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{planCode}/indicators/{indicatorCode}/measurements")
@Tag(name = "Measurements", description = "Measured values, one at a time or in bulk; every revision is kept")
@Produces(MediaType.APPLICATION_JSON)
public class MeasurementResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    static final String REPLAYED_DESCRIPTION = "true when this is the stored answer to an earlier request with the same key";

    @Inject
    MeasurementService measurements;

    @Inject
    ObjectMapper objectMapper;

    @POST
    @WriteLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postMeasurement", summary = "Post a measurement",
        description = "Stored as the next revision of the indicator's figure for that period; earlier revisions stay. "
            + "With Idempotency-Key, a repeat of the same request returns the first response and stores nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MeasurementInput.class), examples = {
        @ExampleObject(name = "numeric", value = "{\"fiscalYear\": 2024, \"value\": 75608, \"status\": \"final\", \"describesDate\": \"2025-03-31\", \"sourceSystem\": \"行政改革課\"}"),
        @ExampleObject(name = "qualitative", value = "{\"fiscalYear\": 2024, \"outcome\": \"achieved\", \"status\": \"final\", \"note\": \"増額確保\"}"),
        @ExampleObject(name = "being tallied", value = "{\"fiscalYear\": 2024, \"status\": \"being_tallied\", \"expectedDate\": \"2025-09-30\"}")}))
    @APIResponse(responseCode = "201", description = "Stored (or, for a repeated Idempotency-Key, the first answer again)",
        content = @Content(schema = @Schema(implementation = MeasurementView.class)), headers = @Header(name = IDEMPOTENT_REPLAYED,
            description = REPLAYED_DESCRIPTION, schema = @Schema(type = SchemaType.BOOLEAN)))
    @APIResponse(responseCode = "400", description = "Refused; nothing stored")
    @APIResponse(responseCode = "404", description = "No such plan or indicator")
    @APIResponse(responseCode = "409", description = "The indicator's node was deleted from its plan: it takes no measurements")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    @RolesAllowed(Roles.REPORTER)
    public Response post(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String indicatorCode,
                         @Parameter(description = "Any unique string; a repeat with it is answered, not stored") @HeaderParam(IDEMPOTENCY_KEY) String key,
                         @Context HttpHeaders headers, byte[] body) throws IOException {
        MeasurementInput input = readJson(body, MeasurementInput.class);
        if (input == null) {
            throw ProblemException.invalid("body", "a measurement is required");
        }
        String path = "/api/v1/plans/" + planCode + "/indicators/" + indicatorCode + "/measurements";
        if ((input.planCode() != null && !input.planCode().equals(planCode))
            || (input.indicatorCode() != null && !input.indicatorCode().equals(indicatorCode))) {
            throw ProblemException.invalid("planCode", "the body names another plan or indicator than the URL " + path);
        }
        return respond(measurements.post(idempotencyKey(key, headers), hash(path, MediaType.APPLICATION_JSON, body),
            () -> measurements.recordOne(planCode, indicatorCode, input)));
    }

    @GET
    @Operation(operationId = "listMeasurements", summary = "Every revision of an indicator's measurements, newest first, a page at a time",
        description = "Pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of revisions")
    @APIResponse(responseCode = "404", description = "No such plan or indicator")
    @Authenticated
    public Page<MeasurementView> revisions(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String indicatorCode,
                                           @Parameter(description = "Only this fiscal year's, e.g. 2024", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                                           @Parameter(description = "Revisions per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                           @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return measurements.revisions(planCode, indicatorCode, QueryParams.fiscalYear(fiscalYear),
            QueryParams.limit(limit), cursor);
    }

    /** The Idempotency-Key, or null without one; a key that is sent, even empty, must say something. */
    static String idempotencyKey(String key, HttpHeaders headers) {
        List<String> sent = headers.getRequestHeader(IDEMPOTENCY_KEY);
        if (key == null && (sent == null || sent.isEmpty())) {
            return null;
        }
        if (sent != null && sent.size() > 1) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "is sent " + sent.size() + " times; send one");
        }
        if (key == null || key.isBlank() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH || Text.fault(key) != null) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be 1 to " + IdempotencyKeys.MAX_KEY_LENGTH
                + " characters, not blank; or leave the header out");
        }
        return key;
    }

    static Response respond(MeasurementService.Posted posted) {
        return Response.status(posted.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
            .header(IDEMPOTENT_REPLAYED, posted.replayed())
            .entity(posted.body()).build();
    }

    /** Jackson's exceptions propagate to the problem mappers, which name the offending field. */
    <T> T readJson(byte[] body, Class<T> type) throws IOException {
        return body.length == 0 ? null : objectMapper.readValue(body, type);
    }

    static String hash(String path, String contentType, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("POST " + path + "\n" + contentType + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
