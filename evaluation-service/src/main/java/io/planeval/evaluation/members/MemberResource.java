package io.planeval.evaluation.members;

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

import io.planeval.contracts.Vocabulary.MemberOrder;
import io.planeval.evaluation.report.CachedReads;
import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.http.QueryParams;

@Path("/api/v1/plans/{planCode}/evaluation/indicators/{indicatorCode}/members")
@Tag(name = "Evaluation")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    @Inject
    IndicatorMembers members;

    @Inject
    ReadAccess access;

    @Inject
    CachedReads cached;

    @GET
    @Operation(operationId = "listIndicatorMembers", summary = "A broken-down indicator's members: each one's figure, status and attainment",
        description = "Every cell of the indicator (a member of each dimension, e.g. each municipality) for a fiscal year as of a "
            + "moment: its figure in force, and its result against its own target or the indicator's; those without a figure "
            + "are marked (reported: false). With the indicator's own result, whose working shows the members' aggregate.")
    @APIResponse(responseCode = "200", description = "A page of members", content = @Content(schema = @Schema(implementation = MemberPage.class),
        examples = @ExampleObject(name = "市町村オープンデータ取組率", value = """
            {"indicatorCode": "GI-KPI-N04", "fiscalYear": 2024, "whole": "derived", "aggregation": "share",
             "result": {"status": "not_achieved", "working": {"actual": {"revision": 0, "value": 97.1,
               "members": {"expected": 35, "reported": 35, "missing": [], "value": 97.1}}}},
             "items": [{"key": "municipality=105252", "names": {"municipality": "邑楽町"}, "reported": true, "value": 0,
                        "status": "not_achieved"}]}""")),
        headers = @Header(name = "ETag", description = "A digest of the answer: send it as If-None-Match to get 304 while it is the same",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "The answer is the same as the one whose ETag was sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is not one this list takes")
    @APIResponse(responseCode = "404", description = "No such plan or indicator, or the indicator is not broken down")
    @SecurityRequirementsSet
    @PermitAll
    public Response list(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String code,
                         @Parameter(description = "Gregorian fiscal year, e.g. 2024 for 令和6年度; default: the plan's last year",
                             schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                         @Parameter(description = "An instant or a date (the end of that day, Japan time); default: everything recorded so far")
                         @QueryParam("asOf") String asOf,
                         @Parameter(description = "member (default), value, attainment, or status (misses first); members without "
                             + "a figure or rate come last", schema = @Schema(implementation = MemberOrder.class)) @QueryParam("sort") String sort,
                         @Parameter(description = "Reverse the order", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                         @QueryParam("descending") String descending,
                         @Parameter(description = "Members per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000",
                             defaultValue = "100")) @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                         @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        MemberOrder order = QueryParams.word("sort", sort, MemberOrder.class);
        return cached.json(request, openData, members.list(planCode, code, QueryParams.fiscalYear(fiscalYear), QueryParams.moment("asOf", asOf),
            order == null ? MemberOrder.MEMBER : order, QueryParams.flag("descending", descending, false), QueryParams.limit(limit), cursor));
    }
}
