package io.planeval.plan.plans;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.support.http.EntityTags;
import io.planeval.support.http.QueryParams;
import io.planeval.support.http.Written;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;
import io.planeval.support.write.VersionedWrites.Stored;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{planCode}/nodes")
@Tag(name = "Nodes", description = "Single nodes of a plan's tree, under the same rules as whole plans")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    PlanService plans;

    @Inject
    ObjectMapper objectMapper;

    @GET
    @Path("/{nodeCode}")
    @Operation(operationId = "getNode", summary = "A node with its path from level 1 and its children",
        description = "The node as the plan has it now; ETag is the plan's version.")
    @APIResponse(responseCode = "200", description = "The node", content = @Content(schema = @Schema(implementation = NodeView.class)),
        headers = @Header(name = "ETag", description = "The plan's version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan or node")
    @Authenticated
    public Response get(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode) {
        NodeView view = plans.node(planCode, nodeCode);
        return Response.ok(view).tag(EntityTags.of(view.planVersion())).build();
    }

    @POST
    @WriteLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addNode", summary = "Add a node", description = "Without a position it goes last among its siblings.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NodeDocument.class), examples = @ExampleObject(name = "item",
        value = "{\"code\": \"I36\", \"label\": \"実施項目36\", \"title\": \"新しい実施項目\", \"level\": 3, \"parent\": \"P17\"}")))
    @APIResponse(responseCode = "201", description = "Added; the body is the node in place",
        content = @Content(schema = @Schema(implementation = NodeView.class)),
        headers = {@Header(name = "Location", description = "The node's path", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "The plan's version, for If-Match", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "400", description = "Invalid node")
    @APIResponse(responseCode = "409", description = "The code is taken")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public Response add(@PathParam("planCode") String planCode,
                        @Parameter(description = "ETag of the plan version this change is based on") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        NodeDocument node) {
        if (node == null) {
            throw ProblemException.invalid("body", "a node is required");
        }
        Stored<PlanDocument> stored = plans.addNode(planCode, node, EntityTags.expectedVersion(ifMatch));
        NodeView view = plans.node(planCode, node.code());
        return Written.created("/api/v1/plans/" + planCode + "/nodes/" + node.code())
            .entity(view).tag(EntityTags.of(stored.document().version())).build();
    }

    @PATCH
    @WriteLimited
    @Path("/{nodeCode}")
    @Consumes(MERGE_PATCH)
    @Operation(operationId = "patchNode", summary = "Change a node (JSON merge patch)",
        description = "Fields given replace the node's; null clears an optional one. The code cannot change.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = NodePatch.class),
        examples = @ExampleObject(name = "move", value = "{\"parent\": \"P2\", \"position\": 3}")))
    @APIResponse(responseCode = "200", description = "The node afterwards", content = @Content(schema = @Schema(implementation = NodeView.class)),
        headers = @Header(name = "ETag", description = "The plan's version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan or node")
    @APIResponse(responseCode = "400", description = "Invalid change")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public Response patch(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode,
                          @Parameter(description = "ETag of the plan version this change is based on") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          JsonNode patch) throws JsonProcessingException {
        if (!(patch instanceof ObjectNode fields)) {
            throw ProblemException.invalid("body", "a JSON object of the fields to change is required");
        }
        // Read as a patch of the node's fields, so those given are checked as strictly as in a POST or PUT.
        NodePatch changes = objectMapper.treeToValue(fields, NodePatch.class);
        Stored<PlanDocument> stored = plans.updateNode(planCode, nodeCode, node -> merge(node, fields, changes),
            EntityTags.expectedVersion(ifMatch));
        return Response.ok(plans.node(planCode, nodeCode)).tag(EntityTags.of(stored.document().version())).build();
    }

    @DELETE
    @WriteLimited
    @Path("/{nodeCode}")
    @Operation(operationId = "deleteNode", summary = "Delete a node",
        description = "A node with children is refused unless cascade=true, which deletes its subtree. Indicators on deleted nodes keep "
            + "their history but take no measurements until they are moved to a node of the plan.")
    @APIResponse(responseCode = "204", description = "Deleted", headers = @Header(name = "ETag", description = "The plan's version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan or node")
    @APIResponse(responseCode = "409", description = "Has children and cascade is false")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public Response delete(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode,
                           @Parameter(description = "true deletes the subtree too", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("cascade") String cascade,
                           @Parameter(description = "ETag of the plan version this change is based on") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Stored<PlanDocument> stored = plans.deleteNode(planCode, nodeCode, QueryParams.flag("cascade", cascade, false),
            EntityTags.expectedVersion(ifMatch));
        return Response.noContent().tag(EntityTags.of(stored.document().version())).build();
    }

    /** The node with the patch's fields in place of its own; a null clears one. */
    private static NodeDocument merge(NodeDocument node, ObjectNode patch, NodePatch changes) {
        return new NodeDocument(
            patch.has("code") ? changes.code() : node.code(),
            patch.has("label") ? changes.label() : node.label(),
            patch.has("title") ? changes.title() : node.title(),
            patch.has("description") ? changes.description() : node.description(),
            patch.has("level") ? changes.level() : node.level(),
            null,
            patch.has("parent") ? changes.parent() : node.parent(),
            patch.has("position") ? changes.position() : node.position(),
            patch.has("note") ? changes.note() : node.note());
    }
}
