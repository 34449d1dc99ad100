package io.planeval.indicator.indicators;

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
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;
import io.planeval.support.write.VersionedWrites.Stored;
import io.quarkus.security.Authenticated;

@Path("/api/v1/plans/{planCode}/indicators")
@Tag(name = "Indicators", description = "KGI and KPI definitions")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    @Inject
    IndicatorService indicators;

    @GET
    @Operation(operationId = "listIndicators", summary = "List a plan's indicators",
        description = "All of them, or those of one node, in code order, a page at a time: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of indicators")
    @APIResponse(responseCode = "404", description = "Plan not known")
    @Authenticated
    public Page<IndicatorDocument> list(@PathParam("planCode") String planCode,
                                        @Parameter(description = "Only this node's indicators", example = "G1") @QueryParam("node") String node,
                                        @Parameter(description = "Indicators per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                        @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return indicators.list(planCode, node, QueryParams.limit(limit), cursor);
    }

    @GET
    @Path("/{indicatorCode}")
    @Operation(operationId = "getIndicator", summary = "One indicator", description = "Its definition as it is now; ETag is its version.")
    @APIResponse(responseCode = "200", description = "The indicator", content = @Content(schema = @Schema(implementation = IndicatorDocument.class)),
        headers = @Header(name = "ETag", description = "The indicator's version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan or indicator")
    @Authenticated
    public Response get(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String code) {
        IndicatorDocument indicator = indicators.get(planCode, code);
        return Response.ok(indicator).tag(EntityTags.of(indicator.version())).build();
    }

    @PUT
    @WriteLimited
    @Path("/{indicatorCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putIndicator", summary = "Create or replace an indicator",
        description = "Idempotent: the same definition again changes nothing and publishes nothing. The plan and node "
            + "are checked against what plan-service has published. Send If-Match to refuse a stale write.")
    @RequestBody(content = @Content(schema = @Schema(implementation = IndicatorDocument.class), examples = {
        @ExampleObject(name = "numeric KGI", value = """
            {"nodeCode": "GII", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
             "target": {"value": 40000, "fiscalYear": 2024}, "direction": "higher_is_better", "method": "ratio"}"""),
        @ExampleObject(name = "qualitative KGI", value = """
            {"nodeCode": "GIII", "kind": "kgi", "name": "財政調整基金の残高",
             "target": {"text": "増額確保", "fiscalYear": 2024}, "direction": "qualitative"}"""),
        @ExampleObject(name = "lower is better", value = """
            {"nodeCode": "GII", "kind": "kpi", "name": "職員1人あたりの時間外勤務時間数（月間）", "unit": "時間",
             "target": {"value": 10, "fiscalYear": 2024}, "direction": "lower_is_better", "method": "inverse_ratio"}""")}))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorDocument.class)),
        headers = {@Header(name = "Location", description = "The indicator's path", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "The indicator's version, for If-Match", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "Replaced, or unchanged (same version)",
        content = @Content(schema = @Schema(implementation = IndicatorDocument.class)), headers = @Header(name = "ETag", description = "The indicator's version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid definition; every violation listed")
    @APIResponse(responseCode = "409", description = "Plan not known here yet (plan-service's event is on the way): retry after Retry-After seconds",
        headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @RolesAllowed(Roles.INDICATOR_STEWARD)
    public Response put(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String code,
                        @Parameter(description = "ETag of the version this write is based on") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        IndicatorDocument document) {
        if (document == null) {
            throw ProblemException.invalid("body", "an indicator definition is required");
        }
        Stored<IndicatorDocument> stored = indicators.put(planCode, code, document, EntityTags.expectedVersion(ifMatch));
        return Written.response(stored.created(), "/api/v1/plans/" + planCode + "/indicators/" + code,
            stored.document(), stored.document().version());
    }
}
