package io.planeval.indicator.measurements;

import static io.planeval.indicator.measurements.MeasurementResource.IDEMPOTENCY_KEY;
import static io.planeval.indicator.measurements.MeasurementResource.IDEMPOTENT_REPLAYED;
import static io.planeval.indicator.measurements.MeasurementResource.REPLAYED_DESCRIPTION;
import static io.planeval.indicator.measurements.MeasurementResource.hash;
import static io.planeval.indicator.measurements.MeasurementResource.idempotencyKey;
import static io.planeval.indicator.measurements.MeasurementResource.respond;

import java.io.IOException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.indicator.workbook.WorkbookMeasurements;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;

@Path("/api/v1/measurements")
@Tag(name = "Measurements")
@Produces(MediaType.APPLICATION_JSON)
public class BulkMeasurementResource {

    static final String CSV = "text/csv";
    /** The reporting workbook (getReportingWorkbook), filled in and posted back. */
    static final String WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** One operation in the API documents, whichever body it takes: both methods describe it alike. */
    static final String BULK_SUMMARY = "Post measurements in bulk (a JSON array or CSV)";
    static final String BULK_DESCRIPTION = "All or nothing: one bad row refuses the whole batch, and the problem lists every "
        + "bad row, as [index].field for JSON and as 'line N: field' for CSV. Each row names its plan and indicator. CSV is "
        + "UTF-8, with or without a byte-order mark (Excel's 'CSV UTF-8'), with a header row of field names in any order: "
        + "planCode,indicatorCode,fiscalYear,quarter,month,value,outcome,status,expectedDate,describesDate,sourceSystem,note "
        + "(planCode, indicatorCode, fiscalYear and status required).";
    private static final TypeReference<List<MeasurementInput>> ROWS = new TypeReference<>() {
    };

    @Inject
    MeasurementService measurements;

    @Inject
    ObjectMapper objectMapper;

    @POST
    @WriteLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postMeasurements", summary = BULK_SUMMARY, description = BULK_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(type = SchemaType.ARRAY, implementation = MeasurementInput.class), examples = @ExampleObject(name = "two rows", value = """
        [{"planCode": "gunma-r2-r6", "indicatorCode": "KGI3", "fiscalYear": 2024, "value": 75608, "status": "final"},
         {"planCode": "gunma-r2-r6", "indicatorCode": "KGI5", "fiscalYear": 2024, "outcome": "achieved", "status": "final"}]""")))
    @APIResponse(responseCode = "201", description = "All stored", content = @Content(schema = @Schema(implementation = BulkResult.class)),
        headers = @Header(name = IDEMPOTENT_REPLAYED, description = REPLAYED_DESCRIPTION, schema = @Schema(type = SchemaType.BOOLEAN)))
    @APIResponse(responseCode = "400", description = "Refused; nothing stored")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    @RolesAllowed(Roles.REPORTER)
    public Response bulkJson(@HeaderParam(IDEMPOTENCY_KEY) String key, @Context HttpHeaders headers, byte[] body) throws IOException {
        List<MeasurementInput> inputs = body.length == 0 ? null : objectMapper.readValue(body, ROWS);
        if (inputs == null || inputs.isEmpty()) {
            throw ProblemException.invalid("body", "a JSON array of at least one measurement is required");
        }
        List<MeasurementService.Row> rows = inputs.stream()
            .map(in -> new MeasurementService.Row(in == null ? null : in.planCode(), in == null ? null : in.indicatorCode(), in))
            .toList();
        return respond(measurements.post(idempotencyKey(key, headers), hash("/api/v1/measurements", MediaType.APPLICATION_JSON, body),
            () -> BulkResult.of(measurements.record(rows, i -> "[" + i + "]."))));
    }

    @POST
    @WriteLimited
    @Consumes(CSV)
    @Operation(operationId = "postMeasurements", summary = BULK_SUMMARY, description = BULK_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "two rows", value = """
        planCode,indicatorCode,fiscalYear,value,outcome,status
        gunma-r2-r6,KGI3,2024,75608,,final
        gunma-r2-r6,KGI5,2024,,achieved,final""")))
    @APIResponse(responseCode = "201", description = "All stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkResult.class)),
        headers = @Header(name = IDEMPOTENT_REPLAYED, description = REPLAYED_DESCRIPTION, schema = @Schema(type = SchemaType.BOOLEAN)))
    @APIResponse(responseCode = "400", description = "Refused; nothing stored")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    @RolesAllowed(Roles.REPORTER)
    public Response bulkCsv(@HeaderParam(IDEMPOTENCY_KEY) String key, @Context HttpHeaders headers, byte[] body) {
        CsvMeasurements.Parsed parsed = CsvMeasurements.parse(body);
        return respond(measurements.post(idempotencyKey(key, headers), hash("/api/v1/measurements", CSV, body),
            () -> BulkResult.of(measurements.record(parsed.rows(), i -> "line " + parsed.lines().get(i) + ": "))));
    }

    @POST
    @WriteLimited
    @Path("/workbook")
    @Consumes(WORKBOOK)
    @Operation(operationId = "postMeasurementsWorkbook", summary = "Post the reporting workbook as it was filled in (.xlsx)",
        description = "The workbook of getReportingWorkbook, filled in: the bulk's rules (all or nothing, the caller's organisation's "
            + "indicators, locked years, Idempotency-Key), every refusal naming its cell (報告!F12). Values are read as Excel users "
            + "type them: numbers or text, full-width digits, thousands separators, a trailing ％; dates as dates or 2025/9/30. An "
            + "encrypted or macro-enabled workbook, one linking other files, and one that unpacks beyond bounds are refused.")
    @RequestBody(content = @Content(mediaType = WORKBOOK, schema = @Schema(type = SchemaType.STRING, format = "binary"),
        examples = @ExampleObject(name = "a workbook", value = "(the bytes of the .xlsx getReportingWorkbook gave, filled in)")))
    @APIResponse(responseCode = "201", description = "All stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkResult.class)),
        headers = @Header(name = IDEMPOTENT_REPLAYED, description = REPLAYED_DESCRIPTION, schema = @Schema(type = SchemaType.BOOLEAN)))
    @APIResponse(responseCode = "400", description = "Refused, each bad cell named (報告!F12); nothing stored")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request")
    @RolesAllowed(Roles.REPORTER)
    public Response bulkWorkbook(@HeaderParam(IDEMPOTENCY_KEY) String key, @Context HttpHeaders headers, byte[] body) {
        WorkbookMeasurements.Parsed parsed = WorkbookMeasurements.parse(body);
        try {
            return respond(measurements.post(idempotencyKey(key, headers), hash("/api/v1/measurements/workbook", WORKBOOK, body),
                () -> BulkResult.of(measurements.record(parsed.rows(), i -> WorkbookMeasurements.rowPrefix(parsed, i)))));
        } catch (ProblemException refusal) {
            throw WorkbookMeasurements.cells(refusal);
        }
    }
}
