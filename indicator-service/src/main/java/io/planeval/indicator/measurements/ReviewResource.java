package io.planeval.indicator.measurements;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;

@Path("/api/v1/plans/{planCode}")
@Tag(name = "Reviews", description = "Approval of reported figures, for plans whose review is required: a new revision counts "
    + "once a steward of its organisation (or a plan admin), never its poster, approves it.")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    MeasurementReviews reviews;

    @POST
    @WriteLimited
    @Path("/indicators/{indicatorCode}/measurements/{measurementId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reviewMeasurement", summary = "Approve a submitted figure, or return it with a reason",
        description = "Approved, the revision counts in the evaluation from now; returned, it never counts and the reporter "
            + "posts a corrected revision. A decision is final.")
    @APIResponse(responseCode = "200", description = "The revision with the decision", content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "400", description = "decision missing or unknown, or a return without a reason")
    @APIResponse(responseCode = "403", description = "Another organisation's figure, or the caller's own post (four eyes)")
    @APIResponse(responseCode = "404", description = "No such plan, indicator or measurement")
    @APIResponse(responseCode = "409", description = "The revision needed no review, or was decided already")
    @RolesAllowed({Roles.PLAN_ADMIN, Roles.INDICATOR_STEWARD})
    public MeasurementView review(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String indicatorCode,
                                  @Parameter(description = "The revision's id (a measurement's id)", schema = @Schema(type = SchemaType.INTEGER))
                                  @PathParam("measurementId") String measurementId,
                                  @RequestBody(content = @Content(schema = @Schema(implementation = ReviewRequest.class), examples = {
                                      @ExampleObject(name = "approve", value = "{\"decision\": \"approved\"}"),
                                      @ExampleObject(name = "return", value = "{\"decision\": \"returned\", \"reason\": \"単位が時間ではなく分で入力されています\"}")}))
                                  ReviewRequest request) {
        return reviews.decide(planCode, indicatorCode, measurementId, request);
    }

    @GET
    @Path("/reviews")
    @Operation(operationId = "listReviews", summary = "The reviewer's queue: submitted figures the caller may decide, oldest first",
        description = "A steward sees its organisation's; a plan admin every organisation's, or one's. The caller's own posts are "
            + "not in it (four eyes).")
    @APIResponse(responseCode = "200", description = "A page of submitted revisions")
    @APIResponse(responseCode = "403", description = "A steward asking for another organisation's queue")
    @APIResponse(responseCode = "404", description = "Plan not known")
    @RolesAllowed({Roles.PLAN_ADMIN, Roles.INDICATOR_STEWARD})
    public Page<MeasurementView> queue(@PathParam("planCode") String planCode,
                                       @Parameter(description = "Only this organisation's figures (the indicators' organisation)") @QueryParam("organisation") String organisation,
                                       @Parameter(description = "Revisions per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                       @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return reviews.queue(planCode, organisation == null || organisation.isEmpty() ? null : organisation, QueryParams.limit(limit), cursor);
    }
}
