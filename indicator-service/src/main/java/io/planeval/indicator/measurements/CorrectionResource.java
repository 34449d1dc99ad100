package io.planeval.indicator.measurements;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{planCode}/corrections")
@Tag(name = "Measurements")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionResource {

    @Inject
    MeasurementService measurements;

    @GET
    @Operation(operationId = "listCorrections", summary = "The plan's corrections, newest first, a page at a time",
        description = "Every revision posted with a correctionReason (the only way into a locked year), with who posted it and when.")
    @APIResponse(responseCode = "200", description = "A page of corrections")
    @APIResponse(responseCode = "404", description = "Plan not known")
    @Authenticated
    public Page<MeasurementView> corrections(@PathParam("planCode") String planCode,
                                             @Parameter(description = "Only this fiscal year's, e.g. 2024", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                                             @Parameter(description = "Corrections per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                             @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return measurements.corrections(planCode, QueryParams.fiscalYear(fiscalYear), QueryParams.limit(limit), cursor);
    }
}
