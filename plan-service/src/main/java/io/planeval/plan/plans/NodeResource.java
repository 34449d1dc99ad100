package io.planeval.plan.plans;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.support.http.EntityTags;
import io.planeval.support.problem.Problem;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;

@Path("/api/v1/plans/{planCode}/nodes")
@Tag(name = "Nodes", description = "Single nodes of a plan's tree, under the same rules as whole plans")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Set<String> PATCHABLE = Set.of("label", "title", "description", "level", "parent", "position", "note");

    @Inject
    PlanService plans;

    @GET
    @Path("/{nodeCode}")
    @Operation(summary = "A node with its path from level 1 and its children")
    @APIResponse(responseCode = "404", description = "No such plan or node", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode) {
        NodeView view = plans.node(planCode, nodeCode);
        return Response.ok(view).tag(EntityTags.of(view.planVersion())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a node", description = "Without a position it goes last among its siblings.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NodeDocument.class), examples = @ExampleObject(name = "item",
        value = "{\"code\": \"I36\", \"label\": \"実施項目36\", \"title\": \"新しい実施項目\", \"level\": 3, \"parent\": \"P17\"}")))
    @APIResponse(responseCode = "201", description = "Added; the body is the node in place")
    @APIResponse(responseCode = "400", description = "Invalid node", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("planCode") String planCode, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        NodeDocument node) {
        if (node == null) {
            throw ProblemException.invalid("body", "a node is required");
        }
        PlanService.Outcome outcome = plans.addNode(planCode, node, EntityTags.expectedVersion(ifMatch));
        NodeView view = plans.node(planCode, node.code());
        return Response.created(URI.create("/api/v1/plans/" + planCode + "/nodes/" + node.code()))
            .entity(view).tag(EntityTags.of(outcome.plan().version())).build();
    }

    @PATCH
    @Path("/{nodeCode}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change a node (JSON merge patch)",
        description = "Fields given replace the node's; null clears an optional one. The code cannot change.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, examples = @ExampleObject(name = "move",
        value = "{\"parent\": \"P2\", \"position\": 3}")))
    @APIResponse(responseCode = "200", description = "The node afterwards")
    @APIResponse(responseCode = "400", description = "Invalid change", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        if (!(patch instanceof ObjectNode fields)) {
            throw ProblemException.invalid("body", "a JSON object of the fields to change is required");
        }
        checkPatchable(fields);
        PlanService.Outcome outcome = plans.updateNode(planCode, nodeCode, node -> merge(node, fields),
            EntityTags.expectedVersion(ifMatch));
        return Response.ok(plans.node(planCode, nodeCode)).tag(EntityTags.of(outcome.plan().version())).build();
    }

    @DELETE
    @Path("/{nodeCode}")
    @Operation(summary = "Delete a node", description = "A node with children is refused unless cascade=true, which deletes its subtree.")
    @APIResponse(responseCode = "204", description = "Deleted; ETag is the plan's new version")
    @APIResponse(responseCode = "409", description = "Has children and cascade is false", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode,
                           @QueryParam("cascade") @DefaultValue("false") boolean cascade,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PlanService.Outcome outcome = plans.deleteNode(planCode, nodeCode, cascade, EntityTags.expectedVersion(ifMatch));
        return Response.noContent().tag(EntityTags.of(outcome.plan().version())).build();
    }

    private static void checkPatchable(ObjectNode fields) {
        List<Violation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("code") || name.equals("levelName")) {
                continue;
            }
            if (!PATCHABLE.contains(name)) {
                violations.add(new Violation(name, "is not a field of a node"));
            } else if ((name.equals("level") || name.equals("position")) && !value.isNull() && !value.canConvertToExactIntegral()) {
                violations.add(new Violation(name, "must be a whole number, not " + value));
            } else if (!name.equals("level") && !name.equals("position") && !value.isNull() && !value.isTextual()) {
                violations.add(new Violation(name, "must be a string or null, not " + value));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static NodeDocument merge(NodeDocument node, ObjectNode patch) {
        return new NodeDocument(
            patch.has("code") ? text(patch, "code") : node.code(),
            patch.has("label") ? text(patch, "label") : node.label(),
            patch.has("title") ? text(patch, "title") : node.title(),
            patch.has("description") ? text(patch, "description") : node.description(),
            patch.has("level") ? integer(patch, "level") : node.level(),
            null,
            patch.has("parent") ? text(patch, "parent") : node.parent(),
            patch.has("position") ? integer(patch, "position") : node.position(),
            patch.has("note") ? text(patch, "note") : node.note());
    }

    private static String text(ObjectNode patch, String field) {
        return patch.get(field).isNull() ? null : patch.get(field).asText();
    }

    private static Integer integer(ObjectNode patch, String field) {
        return patch.get(field).isNull() ? null : patch.get(field).intValue();
    }
}
