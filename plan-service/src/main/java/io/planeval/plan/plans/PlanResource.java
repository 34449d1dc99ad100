package io.planeval.plan.plans;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.http.EntityTags;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.http.Written;
import io.planeval.support.problem.Problem;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;
import io.planeval.support.write.VersionedWrites.Stored;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans")
@Tag(name = "Plans", description = "Whole plans: import, export, list")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    static final String DOCUMENT_EXAMPLE = """
        {"title": "群馬県行財政改革大綱(2025-29)", "firstFiscalYear": 2025, "lastFiscalYear": 2029,
         "levels": ["目標", "方針", "実施項目", "事業"], "status": "active",
         "nodes": [
           {"code": "G1", "label": "目標１", "title": "DX等による質の高い行政サービス提供", "level": 1, "parent": null, "position": 1},
           {"code": "P1", "label": "方針１", "title": "DXによる県民の利便性向上", "level": 2, "parent": "G1", "position": 1}
         ]}""";

    @Inject
    PlanService plans;

    @GET
    @Operation(operationId = "listPlans", summary = "List plans",
        description = "In code order, a page at a time: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    @Authenticated
    public Page<PlanSummary> list(@Parameter(description = "Plans per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                  @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return plans.list(QueryParams.limit(limit), cursor);
    }

    @GET
    @Path("/{planCode}")
    @Operation(operationId = "getPlan", summary = "Export a whole plan", description = "The same document PUT takes; ETag is its version.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanDocument.class)),
        headers = @Header(name = "ETag", description = "The plan's version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @Authenticated
    public Response get(@PathParam("planCode") String planCode) {
        PlanDocument plan = plans.get(planCode);
        return Response.ok(plan).tag(EntityTags.of(plan.version())).build();
    }

    @PUT
    @WriteLimited
    @Path("/{planCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putPlan", summary = "Create or replace a whole plan",
        description = "Idempotent: the same document again changes nothing and publishes nothing. A changed document "
            + "updates nodes by code, adds new ones and removes missing ones, as one change. Every violation is "
            + "reported at once and nothing is applied. Send If-Match with the ETag you read to refuse a stale write.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDocument.class),
        examples = @ExampleObject(name = "two nodes", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PlanDocument.class)),
        headers = {@Header(name = "Location", description = "The plan's path", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "The plan's version, for If-Match", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "Replaced, or unchanged (same version)",
        content = @Content(schema = @Schema(implementation = PlanDocument.class)), headers = @Header(name = "ETag", description = "The plan's version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid document; every violation listed",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown parent", value = """
                {"type": "about:blank", "title": "Invalid request", "status": 400,
                 "detail": "nodes[17].parent: I99 does not exist",
                 "violations": [{"field": "nodes[17].parent", "reason": "I99 does not exist"}]}""")))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "413", description = "The plan is larger than an event may be (planeval.outbox.max-event-bytes), or the body than the limit")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public Response put(@PathParam("planCode") String planCode,
                        @Parameter(description = "ETag of the version this write is based on") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        PlanDocument document) {
        if (document == null) {
            throw ProblemException.invalid("body", "a plan document is required");
        }
        Stored<PlanDocument> stored = plans.put(planCode, document, EntityTags.expectedVersion(ifMatch));
        return Written.response(stored.created(), "/api/v1/plans/" + planCode, stored.document(), stored.document().version());
    }
}
