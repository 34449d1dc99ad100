package io.planeval.evaluation.lineage;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.CachedReads;
import io.planeval.evaluation.report.ReadAccess;

@Path("/api/v1/plans/{planCode}/lineage")
@Tag(name = "Evaluation")
@Produces(MediaType.APPLICATION_JSON)
public class LineageResource {

    @Inject
    Lineages lineages;

    @Inject
    ReadAccess access;

    @Inject
    CachedReads cached;

    @GET
    @Path("/indicators/{indicatorCode}")
    @Operation(operationId = "getIndicatorLineage", summary = "An indicator's whole history across plan generations, as one series",
        description = "Follows each indicator's predecessor into earlier plans; every fiscal year of every generation's plan, with "
            + "its actual in force, status and attainment against that generation's targets.")
    @APIResponse(responseCode = "200", description = "The lineage", content = @Content(schema = @Schema(implementation = IndicatorLineage.class)))
    @APIResponse(responseCode = "304", description = "The client has it already (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No such plan or indicator")
    @SecurityRequirementsSet
    @PermitAll
    public Response lineage(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String indicatorCode,
                            @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.json(request, openData, lineages.lineage(planCode, indicatorCode));
    }

    @GET
    @Path("/continuity")
    @Operation(operationId = "getPlanContinuity", summary = "Which indicators of the earlier plans this plan continues, changes or ends, and which it adds",
        description = "A successor continues its predecessor when kind, unit, direction and method are the same; otherwise it changed it "
            + "(the differences are named). Indicators of the predecessor plans that no indicator continues have ended.")
    @APIResponse(responseCode = "200", description = "The continuity", content = @Content(schema = @Schema(implementation = PlanContinuity.class)))
    @APIResponse(responseCode = "304", description = "The client has it already (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No such plan")
    @SecurityRequirementsSet
    @PermitAll
    public Response continuity(@PathParam("planCode") String planCode, @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.json(request, openData, lineages.continuity(planCode));
    }
}
