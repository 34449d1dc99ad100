package io.planeval.evaluation.opendata;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.CachedReads;

@Path("/api/v1/plans/{planCode}")
@Tag(name = "Open data", description = "Open-data plans' results as machine-readable datasets (CSV with CSV on the Web metadata, "
    + "CC BY 4.0) and a DCAT catalogue of them; no token needed")
public class OpenDataResource {

    static final String LAST_MODIFIED = "When the plan's data last changed: send it as If-Modified-Since (or the ETag as If-None-Match) to get 304";
    static final String CSVW = "application/csvm+json";

    @Inject
    OpenData openData;

    @Inject
    CachedReads cached;

    @GET
    @Path("/" + OpenData.CSV)
    @Produces("text/csv")
    @Operation(operationId = "getOpenDataCsv", summary = "An open-data plan's results as a machine-readable CSV",
        description = "UTF-8 without a byte-order mark, CRLF, one header row, one value per cell: one row per indicator and fiscal "
            + "year, fiscal years as 西暦 and 和暦 in columns of their own. Its columns are described at " + OpenData.METADATA + ".")
    @APIResponse(responseCode = "200", description = "The dataset", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        headers = {@Header(name = "Last-Modified", description = LAST_MODIFIED, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "A digest of the dataset", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not changed since If-Modified-Since (or the ETag sent)")
    @APIResponse(responseCode = "404", description = "No such plan, or it is not open data")
    @SecurityRequirementsSet
    @PermitAll
    public Response csv(@PathParam("planCode") String planCode, @Context Request request) {
        OpenData.Dataset dataset = openData.csv(planCode);
        return cached.bytes(request, true, dataset.body(), MediaType.valueOf("text/csv; charset=UTF-8"), dataset.lastModified());
    }

    @GET
    @Path("/" + OpenData.SDMX_CSV)
    @Produces(SdmxCsv.MEDIA_TYPE)
    @Operation(operationId = "getOpenDataSdmxCsv", summary = "An open-data plan's figures as SDMX-CSV 2.0",
        description = "One observation per indicator, member and fiscal year with a figure: dimensions INDICATOR, REF_AREA "
            + "(全国地方公共団体コード), SEX and AGE (SDMX CL_SEX, CL_AGE), a column for each dimension of the plan's own, and "
            + "TIME_PERIOD as a reporting year (2024-A1) starting on REPORTING_YEAR_START_DAY (--04-01); _T where an "
            + "observation is not broken down by a dimension. OBS_STATUS A (final) or P (preliminary).")
    @APIResponse(responseCode = "200", description = "The dataset",
        content = @Content(mediaType = SdmxCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
        headers = {@Header(name = "Last-Modified", description = LAST_MODIFIED, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "A digest of the dataset", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not changed since If-Modified-Since (or the ETag sent)")
    @APIResponse(responseCode = "404", description = "No such plan, or it is not open data")
    @SecurityRequirementsSet
    @PermitAll
    public Response sdmxCsv(@PathParam("planCode") String planCode, @Context Request request) {
        OpenData.Dataset dataset = openData.sdmxCsv(planCode);
        return cached.bytes(request, true, dataset.body(), MediaType.valueOf(SdmxCsv.MEDIA_TYPE + "; charset=UTF-8"), dataset.lastModified());
    }

    @GET
    @Path("/" + OpenData.METADATA)
    @Produces({CSVW, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getOpenDataMetadata", summary = "CSV on the Web metadata of an open-data plan's dataset",
        description = "Every column's name, Japanese title, datatype and meaning, the primary key, the dialect and the licence (CC BY 4.0).")
    @APIResponse(responseCode = "200", description = "The metadata (JSON-LD)", content = @Content(mediaType = CSVW, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not changed (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No such plan, or it is not open data")
    @SecurityRequirementsSet
    @PermitAll
    public Response metadata(@PathParam("planCode") String planCode, @Context Request request) {
        return cached.bytes(request, true, openData.metadata(planCode), MediaType.valueOf(CSVW + "; charset=UTF-8"));
    }

    @GET
    @Path("/" + OpenData.NARRATIVES_CSV)
    @Produces("text/csv")
    @Operation(operationId = "getOpenDataNarrativesCsv", summary = "An open-data plan's written evaluations, causes and actions as CSV",
        description = "The committee's evaluation of each node and each indicator's causes and actions in force, per fiscal year; "
            + "UTF-8 without a byte-order mark, CRLF, one header row. Its columns are described at " + OpenData.NARRATIVES_METADATA + ".")
    @APIResponse(responseCode = "200", description = "The dataset", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        headers = {@Header(name = "Last-Modified", description = LAST_MODIFIED, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "A digest of the dataset", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not changed since If-Modified-Since (or the ETag sent)")
    @APIResponse(responseCode = "404", description = "No such plan, or it is not open data")
    @SecurityRequirementsSet
    @PermitAll
    public Response narrativesCsv(@PathParam("planCode") String planCode, @Context Request request) {
        OpenData.Dataset dataset = openData.narrativesCsv(planCode);
        return cached.bytes(request, true, dataset.body(), MediaType.valueOf("text/csv; charset=UTF-8"), dataset.lastModified());
    }

    @GET
    @Path("/" + OpenData.NARRATIVES_METADATA)
    @Produces({CSVW, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getOpenDataNarrativesMetadata", summary = "CSV on the Web metadata of an open-data plan's narratives",
        description = "Every column's name, Japanese title, datatype and meaning, the primary key, the dialect and the licence (CC BY 4.0).")
    @APIResponse(responseCode = "200", description = "The metadata (JSON-LD)", content = @Content(mediaType = CSVW, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not changed (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No such plan, or it is not open data")
    @SecurityRequirementsSet
    @PermitAll
    public Response narrativesMetadata(@PathParam("planCode") String planCode, @Context Request request) {
        return cached.bytes(request, true, openData.narrativesMetadata(planCode), MediaType.valueOf(CSVW + "; charset=UTF-8"));
    }
}
