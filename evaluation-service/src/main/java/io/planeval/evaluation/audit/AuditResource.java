package io.planeval.evaluation.audit;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
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

import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.security.Roles;
import io.planeval.support.time.Moments;

@Path("/api/v1/plans/{planCode}/audit")
@Tag(name = "Audit", description = "Who changed what, and when: never editable")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final Instant BEGINNING = Instant.parse(FiscalYears.EARLIEST + "-01-01T00:00:00Z");

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listAudit", summary = "A plan's audit trail, newest first, a page at a time",
        description = "Every plan change, indicator definition change and measurement revision between two moments, with the "
            + "subject, client and organisation of the token that made it. Pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of the trail")
    public Page<AuditEntry> list(@PathParam("planCode") String planCode,
                                 @Parameter(description = "From this moment (an instant, or a date meaning the end of that day in Japan); "
                                     + "default: the beginning") @QueryParam("from") String from,
                                 @Parameter(description = "Until this moment; default: now") @QueryParam("to") String to,
                                 @Parameter(description = "Only the entries about this indicator: its definition's versions, figures, "
                                     + "reviews and causes and actions", example = "KGI3") @QueryParam("indicator") String indicator,
                                 @Parameter(description = "Entries per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                     maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                 @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Instant since = QueryParams.moment("from", from);
        Instant until = QueryParams.moment("to", to);
        return trail.between(planCode, indicator == null || indicator.isBlank() ? null : indicator, since == null ? BEGINNING : since, until == null ? Moments.EVERYTHING_RECORDED : until,
            QueryParams.limit(limit), cursor);
    }
}
