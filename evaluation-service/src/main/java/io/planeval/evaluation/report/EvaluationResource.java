package io.planeval.evaluation.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;

@Path("/api/v1/plans/{planCode}")
@Tag(name = "Evaluation", description = "Status, attainment and roll-ups, as of any moment; for readers, and for anybody where "
    + "the plan is open data. " + PlanReport.ROUNDING)
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    static final String AS_OF = "An instant (2025-07-17T06:00:00Z) or a date (2025-07-17 = the end of that day, Japan time); "
        + "default: everything recorded so far";
    static final String ETAG = "A digest of the answer: send it as If-None-Match to get 304 while the answer is the same";
    static final String NOT_MODIFIED = "The answer is the same as the one whose ETag was sent in If-None-Match";
    static final String FISCAL_YEAR = "Gregorian fiscal year, e.g. 2024 for 令和6年度; default: the plan's last year";

    @Inject
    EvaluationQueries queries;

    @Inject
    ReadAccess access;

    @Inject
    CachedReads cached;

    @GET
    @Path("/evaluation")
    @Operation(operationId = "getEvaluation", summary = "The committee's report: per goal the KPI counts and achievement rate, KGIs, unachieved KPIs; totals",
        description = "For a fiscal year, as of a moment (default: everything recorded so far). The current report is served "
            + "from a cache that every applied event keeps up to date.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = PlanReport.class),
        examples = @ExampleObject(name = "goal I of R2–R6", value = """
            {"planCode": "gunma-r2-r6", "fiscalYear": 2024, "fiscalYearLabel": "令和6年度",
             "goals": [{"code": "GI", "label": "目標Ⅰ", "kpis": {"achieved": 12, "notAchieved": 7, "beingTallied": 1, "noTarget": 5, "total": 25},
                        "kpiAchievementRate": {"percent": 63.1578947368, "display": "63%"},
                        "kgiAttainment": {"percent": 74.0000000000, "display": "74%"}}]}""")),
        headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = "Plan not known (as of that moment)")
    @SecurityRequirementsSet
    @PermitAll
    public Response report(@PathParam("planCode") String planCode,
                           @Parameter(description = FISCAL_YEAR, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                           @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                           @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        Instant moment = QueryParams.moment("asOf", asOf);
        return cached.json(request, openData,
            moment == null ? queries.currentReport(planCode, year(fiscalYear)) : queries.report(planCode, year(fiscalYear), moment));
    }

    @GET
    @Path("/evaluation/nodes/{nodeCode}")
    @Operation(operationId = "getNodeEvaluation", summary = "One node's roll-up, with its own indicators and its children's roll-ups",
        description = "KPI counts and achievement rate over the node's subtree, its KGIs, and each child's roll-up, as of a moment.")
    @APIResponse(responseCode = "200", description = "The node's roll-up", content = @Content(schema = @Schema(implementation = NodeReport.class)),
        headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = "No such plan or node")
    @SecurityRequirementsSet
    @PermitAll
    public Response node(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode,
                         @Parameter(description = FISCAL_YEAR, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                         @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                         @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.json(request, openData, queries.node(planCode, nodeCode, year(fiscalYear), QueryParams.moment("asOf", asOf)));
    }

    @GET
    @Path("/evaluation/indicators")
    @Operation(operationId = "listIndicatorEvaluations", summary = "Every indicator's result, a page at a time, in code order",
        description = "What a dashboard shows in one call instead of one per node: each indicator's status and attainment with "
            + "its working, for a fiscal year as of a moment, optionally only those of a status, a kind or a node's subtree.")
    @APIResponse(responseCode = "200", description = "A page of results",
        content = @Content(schema = @Schema(implementation = IndicatorResultPage.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = "A parameter is not one this list takes")
    @APIResponse(responseCode = "404", description = "No such plan or node")
    @SecurityRequirementsSet
    @PermitAll
    public Response indicators(@PathParam("planCode") String planCode,
                               @Parameter(description = FISCAL_YEAR, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                               @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                               @Parameter(description = "Only results of this status",
                                   schema = @Schema(implementation = EvaluationStatus.class)) @QueryParam("status") String status,
                               @Parameter(description = "Only KGIs or only KPIs", schema = @Schema(implementation = IndicatorKind.class)) @QueryParam("kind") String kind,
                               @Parameter(description = "Only the indicators of this node and the nodes under it") @QueryParam("node") String node,
                               @Parameter(description = "Results per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                               @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                               @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.json(request, openData, queries.indicators(planCode, year(fiscalYear), QueryParams.moment("asOf", asOf),
            new EvaluationQueries.IndicatorFilter(QueryParams.word("status", status, EvaluationStatus.class),
                QueryParams.word("kind", kind, IndicatorKind.class), node == null || node.isEmpty() ? null : node),
            QueryParams.limit(limit), cursor));
    }

    @GET
    @Path("/evaluation/indicators/{indicatorCode}")
    @Operation(operationId = "getIndicatorEvaluation", summary = "One indicator's result with its working: method, inputs and formula",
        description = "Status and attainment for a fiscal year as of a moment, with the target, actual and baseline used.")
    @APIResponse(responseCode = "200", description = "The result", content = @Content(schema = @Schema(implementation = IndicatorResult.class),
        examples = @ExampleObject(name = "KGI③", value = """
            {"code": "KGI3", "status": "achieved", "statusLabel": "達成", "attainment": {"percent": 189.0200000000, "display": "189%"},
             "working": {"method": "ratio", "formula": "75608 ÷ 40000 = 189.02%", "target": {"value": 40000, "fiscalYear": 2024},
                         "actual": {"revision": 1, "value": 75608, "status": "final"}}}""")),
        headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = "No such plan or indicator")
    @SecurityRequirementsSet
    @PermitAll
    public Response indicator(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String code,
                              @Parameter(description = FISCAL_YEAR, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                              @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                              @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.json(request, openData, queries.indicator(planCode, code, year(fiscalYear), QueryParams.moment("asOf", asOf)));
    }

    @GET
    @Path("/evaluation/changes")
    @Operation(operationId = "listEvaluationChanges", summary = "Indicators whose status, attainment or figure in force changed between two moments, with both states",
        description = "What the committee would see differently: e.g. from the moment a report was taken until now. Each state has the "
            + "revision in force, with its correction reason where it is a correction; an indicator added or removed in between "
            + "has no from or no to.")
    @APIResponse(responseCode = "200", description = "A page of the changes: indicators by code, then nodes whose evaluation changed",
        content = @Content(schema = @Schema(implementation = ChangePage.class)), headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = "from missing, or from or to unreadable")
    @APIResponse(responseCode = "404", description = "Plan not known as of the later moment")
    @SecurityRequirementsSet
    @PermitAll
    public Response changes(@PathParam("planCode") String planCode,
                            @Parameter(description = FISCAL_YEAR, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                            @Parameter(description = "The earlier moment (" + AS_OF + ")", required = true) @QueryParam("from") String from,
                            @Parameter(description = "The later moment; default: now") @QueryParam("to") String to,
                            @Parameter(description = "Changes per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                            @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.json(request, openData, Page.after(queries.changes(planCode, year(fiscalYear), QueryParams.moment("from", from), QueryParams.moment("to", to)),
            QueryParams.limit(limit), cursor, Change::key));
    }

    @GET
    @Path("/evaluation.csv")
    @Produces("text/csv")
    @Operation(operationId = "getEvaluationCsv", summary = "The committee table as CSV for Excel",
        description = "UTF-8 with BOM, CRLF; one row per indicator; numbers as numbers with the unit in its own column; "
            + "fiscal years as 2024 with a 令和 label column; attainment in percent to 4 places plus the display string.")
    @APIResponse(responseCode = "200", description = "The table", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        headers = @Header(name = "Content-Disposition", description = "attachment; filename=<plan>-<year>.csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = "Plan not known (as of that moment)")
    @SecurityRequirementsSet
    @PermitAll
    public Response csv(@PathParam("planCode") String planCode,
                        @Parameter(description = FISCAL_YEAR, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                        @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                        @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        EvaluationQueries.Snapshot snapshot = queries.snapshot(planCode, year(fiscalYear), QueryParams.moment("asOf", asOf));
        return Response.fromResponse(cached.bytes(request, openData, CommitteeCsv.write(snapshot).getBytes(StandardCharsets.UTF_8), MediaType.valueOf("text/csv; charset=UTF-8")))
            .header("Content-Disposition", "attachment; filename=\"" + planCode + "-" + snapshot.fiscalYear() + ".csv\"")
            .build();
    }

    private static Integer year(String fiscalYear) {
        return QueryParams.fiscalYear(fiscalYear);
    }
}
