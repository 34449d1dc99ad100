package io.planeval.evaluation.narrative;

import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.http.EntityTags;
import io.planeval.support.http.QueryParams;
import io.planeval.support.http.Written;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;
import io.planeval.support.write.VersionedWrites.Stored;

@Path("/api/v1/plans/{planCode}/evaluation")
@Tag(name = "Narratives", description = "The committee's words beside the numbers: a node's written evaluation and highlights, an "
    + "indicator's causes and actions, per fiscal year. Every write is a new revision; reads as of a moment give the one then in force.")
@Produces(MediaType.APPLICATION_JSON)
public class NarrativeResource {

    static final String YEAR = "Gregorian fiscal year the words are about, within the plan's years, e.g. 2024 for 令和6年度";
    static final String AS_OF = "An instant (2025-07-17T06:00:00Z) or a date (the end of that day, Japan time); default: now";
    static final String REVISION = "The revision, for If-Match";
    static final String IF_MATCH = "ETag (revision) of the text this write is based on: refuses a write over one not read";

    @Inject
    Narratives narratives;

    @Inject
    ReadAccess access;

    @GET
    @Path("/nodes/{nodeCode}/narratives/{fiscalYear}")
    @Operation(operationId = "getNodeNarrative", summary = "A node's written evaluation and highlights for a fiscal year, as of a moment",
        description = "The revision in force at the moment (default: now), with who wrote it and when; its ETag is the revision, "
            + "for If-Match on the next write. Readable where the plan's evaluation is.")
    @APIResponse(responseCode = "200", description = "The revision in force", content = @Content(schema = @Schema(implementation = NodeNarrative.class)),
        headers = @Header(name = "ETag", description = REVISION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "fiscalYear outside the plan, or asOf unreadable")
    @APIResponse(responseCode = "404", description = "No such plan or node, or nothing written by then")
    @SecurityRequirementsSet
    @PermitAll
    public Response getNode(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode,
                            @Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("fiscalYear") String fiscalYear,
                            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf) {
        access.openDataIfReadable(planCode);
        NodeNarrative found = narratives.node(planCode, nodeCode, fiscalYear, QueryParams.moment("asOf", asOf));
        return Response.ok(found).tag(EntityTags.of(found.revision())).build();
    }

    @PUT
    @WriteLimited
    @Path("/nodes/{nodeCode}/narratives/{fiscalYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putNodeNarrative", summary = "Write a node's evaluation and highlights for a fiscal year (plan admins)",
        description = "A new revision, unless the text is the one in force (then nothing changes). Every answer that carries "
            + "the node's narrative (the report, the node, a report fixed later) shows it from now on.")
    @APIResponse(responseCode = "201", description = "The first revision", content = @Content(schema = @Schema(implementation = NodeNarrative.class)),
        headers = @Header(name = "ETag", description = REVISION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "A new revision, or the same text again (unchanged)",
        content = @Content(schema = @Schema(implementation = NodeNarrative.class)),
        headers = @Header(name = "ETag", description = REVISION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A field is missing, too long or not text; every violation listed")
    @APIResponse(responseCode = "404", description = "No such plan or node")
    @APIResponse(responseCode = "409", description = "Another revision was written meanwhile")
    @APIResponse(responseCode = "412", description = "If-Match does not name the revision in force")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public Response putNode(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode,
                            @Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("fiscalYear") String fiscalYear,
                            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(content = @Content(schema = @Schema(implementation = NodeNarrative.class),
                                examples = @ExampleObject(name = "goal II, R6", value = """
                                    {"evaluation": "職員負担軽減時間はKGI目標達成に至らなかったが、テレワークや時差出勤などによる多様で柔軟な働き方の実現に取り組んだ。",
                                     "highlights": ["管理職に占める女性職員の割合 14.9 ％（R1） → 22.7 ％（R6）"]}""")))
                            NodeNarrative body) {
        Stored<NodeNarrative> stored = narratives.putNode(planCode, nodeCode, fiscalYear, body, EntityTags.expectedVersion(ifMatch));
        return Written.response(stored.created(), "/api/v1/plans/" + planCode + "/evaluation/nodes/" + nodeCode + "/narratives/"
            + stored.document().fiscalYear(), stored.document(), stored.document().revision());
    }

    @GET
    @Path("/indicators/{indicatorCode}/narratives/{fiscalYear}")
    @Operation(operationId = "getIndicatorNarrative", summary = "An indicator's causes and actions for a fiscal year, as of a moment",
        description = "The revision in force at the moment (default: now), with who wrote it and when; its ETag is the revision, "
            + "for If-Match on the next write. Readable where the plan's evaluation is.")
    @APIResponse(responseCode = "200", description = "The revision in force", content = @Content(schema = @Schema(implementation = IndicatorNarrative.class)),
        headers = @Header(name = "ETag", description = REVISION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "fiscalYear outside the plan, or asOf unreadable")
    @APIResponse(responseCode = "404", description = "No such plan or indicator, or nothing written by then")
    @SecurityRequirementsSet
    @PermitAll
    public Response getIndicator(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String indicatorCode,
                                 @Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("fiscalYear") String fiscalYear,
                                 @Parameter(description = AS_OF) @QueryParam("asOf") String asOf) {
        access.openDataIfReadable(planCode);
        IndicatorNarrative found = narratives.indicator(planCode, indicatorCode, fiscalYear, QueryParams.moment("asOf", asOf));
        return Response.ok(found).tag(EntityTags.of(found.revision())).build();
    }

    @PUT
    @WriteLimited
    @Path("/indicators/{indicatorCode}/narratives/{fiscalYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putIndicatorNarrative", summary = "Write an indicator's causes and actions for a fiscal year",
        description = "By the indicator's own organisation (its reporters or stewards, the token's org claim) or a plan admin. "
            + "A new revision, unless the text is the one in force. A plan that requires causes fixes no committee report "
            + "while a not-achieved indicator of the year has none.")
    @APIResponse(responseCode = "201", description = "The first revision", content = @Content(schema = @Schema(implementation = IndicatorNarrative.class)),
        headers = @Header(name = "ETag", description = REVISION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "A new revision, or the same text again (unchanged)",
        content = @Content(schema = @Schema(implementation = IndicatorNarrative.class)),
        headers = @Header(name = "ETag", description = REVISION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Neither causes nor actions, or a field too long or not text; every violation listed")
    @APIResponse(responseCode = "403", description = "The indicator belongs to another organisation")
    @APIResponse(responseCode = "404", description = "No such plan or indicator")
    @APIResponse(responseCode = "409", description = "Another revision was written meanwhile")
    @APIResponse(responseCode = "412", description = "If-Match does not name the revision in force")
    @RolesAllowed({Roles.PLAN_ADMIN, Roles.INDICATOR_STEWARD, Roles.REPORTER})
    public Response putIndicator(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String indicatorCode,
                                 @Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("fiscalYear") String fiscalYear,
                                 @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @RequestBody(content = @Content(schema = @Schema(implementation = IndicatorNarrative.class),
                                     examples = @ExampleObject(name = "KGI4, R6", value = """
                                         {"causes": "業務量の増加により、削減効果が相殺された", "actions": "RPAの対象業務を拡大する"}""")))
                                 IndicatorNarrative body) {
        Stored<IndicatorNarrative> stored = narratives.putIndicator(planCode, indicatorCode, fiscalYear, body, EntityTags.expectedVersion(ifMatch));
        return Written.response(stored.created(), "/api/v1/plans/" + planCode + "/evaluation/indicators/" + indicatorCode + "/narratives/"
            + stored.document().fiscalYear(), stored.document(), stored.document().revision());
    }
}
