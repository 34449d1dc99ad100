package io.planeval.evaluation.overdue;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.CachedReads;
import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;

@Path("/api/v1/plans/{planCode}/evaluation/overdue")
@Tag(name = "Evaluation")
@Produces(MediaType.APPLICATION_JSON)
public class OverdueResource {

    @Inject
    OverdueTallies tallies;

    @Inject
    ReadAccess access;

    @Inject
    CachedReads cached;

    @GET
    @Operation(operationId = "listOverdueTallies", summary = "Figures still being tallied after their expected date, the longest overdue first",
        description = "Whole-year figures in force reported as being_tallied whose expectedDate is before the day asked about (Japan "
            + "time), with the organisation that reports each and the days overdue. Each is also announced once on planeval.evaluations "
            + "(planeval.tally.overdue.v1).")
    @APIResponse(responseCode = "200", description = "A page of the overdue tallies",
        content = @Content(schema = @Schema(implementation = OverdueTallyPage.class)))
    @APIResponse(responseCode = "304", description = "The client has it already (If-None-Match)")
    @APIResponse(responseCode = "404", description = "Plan not known (as of that moment)")
    @SecurityRequirementsSet
    @PermitAll
    public Response overdue(@PathParam("planCode") String planCode,
                            @Parameter(description = "An instant or a date; default: now") @QueryParam("asOf") String asOf,
                            @Parameter(description = "Tallies per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
                            @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        // In the list's order: expected date (the longest overdue first), then code and year.
        return cached.json(request, openData, Page.after(tallies.of(planCode, QueryParams.moment("asOf", asOf)),
            QueryParams.limit(limit), cursor, tally -> tally.expectedDate() + "/" + tally.code() + "/" + tally.fiscalYear()));
    }
}
