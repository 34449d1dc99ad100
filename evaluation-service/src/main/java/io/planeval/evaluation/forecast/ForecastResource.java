package io.planeval.evaluation.forecast;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.CachedReads;
import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.http.QueryParams;

@Path("/api/v1/plans/{planCode}/evaluation/forecast")
@Tag(name = "Evaluation")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

    @Inject
    Forecasts forecasts;

    @Inject
    ReadAccess access;

    @Inject
    CachedReads cached;

    @GET
    @Operation(operationId = "getForecast", summary = "Will each indicator reach its final target? A verdict per indicator from the trend, with the working, rolled up per goal",
        description = PlanForecast.METHOD)
    @APIResponse(responseCode = "200", description = "The forecast", content = @Content(schema = @Schema(implementation = PlanForecast.class)))
    @APIResponse(responseCode = "304", description = "The client has it already (If-None-Match)")
    @APIResponse(responseCode = "404", description = "Plan not known (as of that moment)")
    @SecurityRequirementsSet
    @PermitAll
    public Response forecast(@PathParam("planCode") String planCode,
                             @Parameter(description = "An instant or a date; default: everything recorded so far") @QueryParam("asOf") String asOf,
                             @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        return cached.json(request, openData, forecasts.of(planCode, QueryParams.moment("asOf", asOf)));
    }
}
