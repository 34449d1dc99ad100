package io.planeval.indicator.locks;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{planCode}/locked-years")
@Tag(name = "Locked years", description = "Fiscal years a plan has closed: a measurement for one is taken only as a correction, with its reason")
@Produces(MediaType.APPLICATION_JSON)
public class LockedYearResource {

    @Inject
    LockedYears lockedYears;

    @GET
    @Operation(operationId = "listLockedYears", summary = "The plan's locked fiscal years, in year order",
        description = "Each with when it was locked, by whom, and the note given.")
    @APIResponse(responseCode = "200", description = "The locked years")
    @APIResponse(responseCode = "404", description = "Plan not known")
    @Authenticated
    public List<LockedYear> list(@PathParam("planCode") String planCode) {
        return lockedYears.list(planCode);
    }

    @PUT
    @WriteLimited
    @Path("/{fiscalYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "lockYear", summary = "Lock a fiscal year of the plan",
        description = "From then on a measurement for the year is refused unless it is a correction (correctionReason). "
            + "Waits for posts in flight. A lock is never lifted; locking a locked year again changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = LockRequest.class), examples = @ExampleObject(name = "committee",
        value = "{\"note\": \"第39回 行財政改革評価・推進委員会で確定\"}")))
    @APIResponse(responseCode = "201", description = "Locked now", content = @Content(schema = @Schema(implementation = LockedYear.class)))
    @APIResponse(responseCode = "200", description = "Locked already: the lock as it was", content = @Content(schema = @Schema(implementation = LockedYear.class)))
    @APIResponse(responseCode = "400", description = "Not a fiscal year of the plan, or an unacceptable note")
    @APIResponse(responseCode = "404", description = "Plan not known")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public Response lock(@PathParam("planCode") String planCode,
                         @Parameter(description = "Gregorian fiscal year, e.g. 2024 for 令和6年度") @PathParam("fiscalYear") String fiscalYear,
                         LockRequest request) {
        LockedYears.Locked locked = lockedYears.lock(planCode, fiscalYear, request);
        return Response.status(locked.created() ? Response.Status.CREATED : Response.Status.OK).entity(locked.year()).build();
    }
}
