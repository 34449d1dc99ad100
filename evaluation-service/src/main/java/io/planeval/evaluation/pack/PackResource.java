package io.planeval.evaluation.pack;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.committee.CommitteeReports;
import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.text.Text;

@Path("/api/v1/plans/{planCode}")
@Tag(name = "Committee pack", description = "The committee's pack as PDF (A4 landscape, font embedded), PowerPoint (editable) "
    + "or Excel (numbers as numbers), chosen by Accept: per goal the KPI status and rates, the KGIs, highlights, the written "
    + "evaluation and each miss's causes and actions.")
public class PackResource {

    static final String CHOSEN = "Chosen by format (pdf, pptx or xlsx: what a link can say), else by Accept: application/pdf (the "
        + "default), the .pptx or the .xlsx media type";
    static final String FORMAT = "pdf, pptx or xlsx; overrides Accept (a link cannot set it)";

    @Inject
    CommitteePacks packs;

    @Inject
    CommitteeReports reports;

    @Inject
    ReadAccess access;

    @GET
    @Path("/evaluation/pack")
    @Produces({PackFormat.PDF_TYPE, PackFormat.PPTX_TYPE, PackFormat.XLSX_TYPE})
    @Operation(operationId = "getCommitteePack", summary = "The committee's pack of a fiscal year as of a moment", description = CHOSEN)
    @APIResponse(responseCode = "200", description = "The pack", content = {
        @Content(mediaType = PackFormat.PDF_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = PackFormat.PPTX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = PackFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))},
        headers = @Header(name = "Content-Disposition", description = "attachment; filename=<plan>-<year>-pack.<pdf|pptx|xlsx>",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Plan not known (as of that moment)")
    @APIResponse(responseCode = "406", description = "Accept names none of the three formats")
    @SecurityRequirementsSet
    @PermitAll
    public Response pack(@PathParam("planCode") String planCode,
                         @Parameter(description = "Gregorian fiscal year; default: the plan's last", schema = @Schema(type = SchemaType.INTEGER))
                         @QueryParam("fiscalYear") String fiscalYear,
                         @Parameter(description = "An instant or a date (the end of that day, Japan time); default: now") @QueryParam("asOf") String asOf,
                         @Parameter(description = FORMAT) @QueryParam("format") String format,
                         @Context Request request) {
        access.openDataIfReadable(planCode);
        PackFormat chosen = chosen(format, request);
        Integer year = QueryParams.fiscalYear(fiscalYear);
        byte[] pack = packs.pack(planCode, year, QueryParams.moment("asOf", asOf), chosen);
        return download(pack, chosen, planCode + (year == null ? "" : "-" + year) + "-pack");
    }

    @GET
    @Path("/reports/{id}/pack")
    @Produces({PackFormat.PDF_TYPE, PackFormat.PPTX_TYPE, PackFormat.XLSX_TYPE})
    @Operation(operationId = "getReportPack", summary = "The pack of a fixed report, byte for byte as it was made when the report was fixed",
        description = CHOSEN + ". Its SHA-256 is in the fixed report (packs).")
    @APIResponse(responseCode = "200", description = "The pack as fixed", content = {
        @Content(mediaType = PackFormat.PDF_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = PackFormat.PPTX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = PackFormat.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such plan or fixed report")
    @APIResponse(responseCode = "406", description = "Accept names none of the three formats")
    @SecurityRequirementsSet
    @PermitAll
    public Response reportPack(@PathParam("planCode") String planCode, @PathParam("id") String id,
                               @Parameter(description = FORMAT) @QueryParam("format") String format,
                               @Context Request request) {
        access.openDataIfReadable(planCode);
        PackFormat chosen = chosen(format, request);
        long report = CommitteeReports.id(planCode, id);
        return download(reports.pack(planCode, report, chosen), chosen, planCode + "-report-" + report + "-pack");
    }

    /** The format named (400 for another word), else the one Accept asks for (PDF where it allows any). */
    private static PackFormat chosen(String format, Request request) {
        if (format != null && !format.isEmpty()) {
            return Arrays.stream(PackFormat.values()).filter(f -> f.extension().equals(format)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("format", Text.excerpt(format) + " is not one of pdf, pptx, xlsx"));
        }
        List<Variant> variants = Variant.mediaTypes(MediaType.valueOf(PackFormat.PDF_TYPE), MediaType.valueOf(PackFormat.PPTX_TYPE),
            MediaType.valueOf(PackFormat.XLSX_TYPE)).build();
        Variant chosen = request.selectVariant(variants);
        return chosen == null ? PackFormat.PDF : PackFormat.of(chosen.getMediaType().toString()).orElse(PackFormat.PDF);
    }

    private static Response download(byte[] pack, PackFormat format, String name) {
        return Response.ok(pack, format.mediaType())
            .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"")
            .build();
    }
}
