package io.planeval.evaluation.completeness;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;

@Path("/api/v1/plans/{planCode}/completeness")
@Tag(name = "Reporting season")
@Produces(MediaType.APPLICATION_JSON)
public class CompletenessResource {

    @Inject
    CompletenessQueries completeness;

    @Inject
    ReadAccess access;

    @GET
    @Operation(operationId = "getCompleteness", summary = "Who has reported a fiscal year's figures and who still owes them",
        description = "Per organisation (the indicators' organisation), the indicators expected, reported final, preliminary, being "
            + "tallied, awaiting review and missing, those past their due date (the reporting season's, or an indicator's own), and "
            + "working days to or past it, counted with Japan's holidays. Readable where the plan's evaluation is.")
    @APIResponse(responseCode = "200", description = "The completeness", content = @Content(schema = @Schema(implementation = Completeness.class)))
    @APIResponse(responseCode = "400", description = "fiscalYear missing or outside the plan, or asOf unreadable")
    @APIResponse(responseCode = "404", description = "No such plan")
    @SecurityRequirementsSet
    @PermitAll
    public Completeness get(@PathParam("planCode") String planCode,
                            @Parameter(description = "Gregorian fiscal year whose figures are counted, e.g. 2024", required = true,
                                schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                            @Parameter(description = "An instant or a date (the end of that day, Japan time); default: now")
                            @QueryParam("asOf") String asOf) {
        access.openDataIfReadable(planCode);
        if (fiscalYear == null || fiscalYear.isBlank()) {
            throw ProblemException.invalid("fiscalYear", "is required: the Gregorian fiscal year whose figures are counted, e.g. 2024");
        }
        return completeness.of(planCode, fiscalYear, QueryParams.moment("asOf", asOf));
    }
}
