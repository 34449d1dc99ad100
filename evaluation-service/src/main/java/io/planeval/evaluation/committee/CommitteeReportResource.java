package io.planeval.evaluation.committee;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.CachedReads;
import io.planeval.evaluation.report.Change;
import io.planeval.evaluation.report.ChangePage;
import io.planeval.evaluation.report.PlanReport;
import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.http.Written;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;

@Path("/api/v1/plans/{planCode}/reports")
@Tag(name = "Committee reports", description = "Evaluations fixed as a committee approved them: kept byte for byte, with what changed since")
@Produces(MediaType.APPLICATION_JSON)
public class CommitteeReportResource {

    static final String NOT_FOUND = "No such plan or fixed report (or, without a token, a plan that is not open data)";

    @Inject
    CommitteeReports reports;

    @Inject
    ReadAccess access;

    @Inject
    CachedReads cached;

    @POST
    @WriteLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fixReport", summary = "Fix the plan's evaluation for a fiscal year as of a moment, under a name",
        description = "Stores the report (JSON and committee CSV) as it is now served for that moment, with a SHA-256 content hash. "
            + "It never changes afterwards, whatever is corrected or rebuilt. The same name again for the same year (and moment, "
            + "if given) answers the report fixed before.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FixRequest.class), examples = @ExampleObject(name = "committee",
        value = "{\"name\": \"第39回 行財政改革評価・推進委員会\", \"fiscalYear\": 2024, \"asOf\": \"2025-07-17\"}")))
    @APIResponse(responseCode = "201", description = "Fixed", content = @Content(schema = @Schema(implementation = FixedReport.class)),
        headers = @Header(name = "Location", description = "The fixed report's path", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Fixed before under this name, for the same year and moment",
        content = @Content(schema = @Schema(implementation = FixedReport.class)))
    @APIResponse(responseCode = "400", description = "No name, a year outside the plan, or a moment not yet passed")
    @APIResponse(responseCode = "404", description = "Plan not known as of that moment")
    @APIResponse(responseCode = "409", description = "The plan has another report under this name")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public Response fix(@PathParam("planCode") String planCode, FixRequest request) {
        CommitteeReports.Fixed fixed = reports.fix(planCode, request);
        Response.ResponseBuilder response = fixed.created()
            ? Written.created("/api/v1/plans/" + planCode + "/reports/" + fixed.report().id())
            : Response.ok();
        return response.entity(fixed.report()).build();
    }

    @GET
    @Operation(operationId = "listReports", summary = "The plan's fixed reports, oldest first",
        description = "Each with its name, year, moment, who fixed it, its content hash and where its contents are read.")
    @APIResponse(responseCode = "200", description = "A page of the fixed reports",
        content = @Content(schema = @Schema(implementation = FixedReportPage.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @SecurityRequirementsSet
    @PermitAll
    public Page<FixedReport> list(@PathParam("planCode") String planCode,
                                  @Parameter(description = "Reports per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                  @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        access.openDataIfReadable(planCode);
        // Oldest first, so by id: the key pads it to sort as a number.
        return Page.after(reports.list(planCode), QueryParams.limit(limit), cursor, report -> "%019d".formatted(report.id()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReport", summary = "A fixed report: name, year, moment, who fixed it and its content hash",
        description = "The contents are read at its links: the evaluation, the CSV and the changes since.")
    @APIResponse(responseCode = "200", description = "The fixed report", content = @Content(schema = @Schema(implementation = FixedReport.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @SecurityRequirementsSet
    @PermitAll
    public FixedReport get(@PathParam("planCode") String planCode, @PathParam("id") String id) {
        access.openDataIfReadable(planCode);
        return reports.get(planCode, CommitteeReports.id(planCode, id));
    }

    @GET
    @Path("/{id}/evaluation")
    @Operation(operationId = "getReportEvaluation", summary = "The fixed evaluation, byte for byte as it was fixed",
        description = "Its SHA-256 is the report's contentHash.")
    @APIResponse(responseCode = "200", description = "The evaluation as fixed", content = @Content(schema = @Schema(implementation = PlanReport.class)))
    @APIResponse(responseCode = "304", description = "The client has it already (If-None-Match)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @SecurityRequirementsSet
    @PermitAll
    public Response evaluation(@PathParam("planCode") String planCode, @PathParam("id") String id, @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.bytes(request, openData, reports.evaluation(planCode, CommitteeReports.id(planCode, id)),
            MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
    }

    @GET
    @Path("/{id}/evaluation.csv")
    @Produces("text/csv")
    @Operation(operationId = "getReportCsv", summary = "The fixed committee table as CSV, byte for byte as it was fixed",
        description = "The committee CSV (UTF-8 with BOM, CRLF) as the evaluation served it for the report's year and moment.")
    @APIResponse(responseCode = "200", description = "The table as fixed", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        headers = @Header(name = "Content-Disposition", description = "attachment; filename=<plan>-report-<id>.csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "The client has it already (If-None-Match)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @SecurityRequirementsSet
    @PermitAll
    public Response csv(@PathParam("planCode") String planCode, @PathParam("id") String id, @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        long reportId = CommitteeReports.id(planCode, id);
        return Response.fromResponse(cached.bytes(request, openData, reports.csv(planCode, reportId), MediaType.valueOf("text/csv; charset=UTF-8")))
            .header("Content-Disposition", "attachment; filename=\"" + planCode + "-report-" + reportId + ".csv\"")
            .build();
    }

    @GET
    @Path("/{id}/changes")
    @Operation(operationId = "listReportChanges", summary = "What has changed since the report was fixed",
        description = "Each indicator whose status, attainment or figure in force for the report's year differs now from the "
            + "report: from is what the report fixed, to is now (with the revision in force and, for a correction, its reason).")
    @APIResponse(responseCode = "200", description = "A page of the changes: indicators by code, then nodes whose evaluation changed",
        content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "304", description = "The client has it already (If-None-Match)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @SecurityRequirementsSet
    @PermitAll
    public Response changes(@PathParam("planCode") String planCode, @PathParam("id") String id,
                            @Parameter(description = "Changes per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                            @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.json(request, openData, Page.after(reports.changes(planCode, CommitteeReports.id(planCode, id)),
            QueryParams.limit(limit), cursor, Change::key));
    }
}
