package io.planeval.evaluation.pack;

import java.time.Instant;
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

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
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
import io.planeval.evaluation.report.CachedReads;
import io.planeval.evaluation.report.CurrentReports;
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

    /** About the time a large plan's pack takes (BENCHMARKS.md). */
    static final int BUSY_RETRY_SECONDS = 5;

    @Inject
    CommitteePacks packs;

    @Inject
    CommitteeReports reports;

    @Inject
    ReadAccess access;

    @Inject
    CurrentReports currentReports;

    @Inject
    CachedReads cached;

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
    @APIResponse(responseCode = "304", description = "The client has this pack already (If-None-Match with its ETag; packs of now only)")
    @APIResponse(responseCode = "404", description = "Plan not known (as of that moment)")
    @APIResponse(responseCode = "406", description = "Accept names none of the three formats")
    @APIResponse(responseCode = "503", description = "As many packs as the service makes at once are being made: retry after "
        + "Retry-After seconds", headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)))
    @SecurityRequirementsSet
    @PermitAll
    public Response pack(@PathParam("planCode") String planCode,
                         @Parameter(description = "Gregorian fiscal year; default: the plan's last", schema = @Schema(type = SchemaType.INTEGER))
                         @QueryParam("fiscalYear") String fiscalYear,
                         @Parameter(description = "An instant or a date (the end of that day, Japan time); default: now") @QueryParam("asOf") String asOf,
                         @Parameter(description = FORMAT) @QueryParam("format") String format,
                         @Context Request request) {
        boolean openData = access.openDataIfReadable(planCode);
        PackFormat chosen = chosen(format, request);
        Integer year = QueryParams.fiscalYear(fiscalYear);
        Instant moment = QueryParams.moment("asOf", asOf);
        String name = planCode + (year == null ? "" : "-" + year) + "-pack";
        if (moment != null) {
            return download(generated(planCode, year, moment, chosen), chosen, name);
        }
        // The pack of now is kept until the plan changes, and revalidated by its ETag.
        CachedReads.Tagged current = currentReports.pack(planCode, year, chosen.extension(), () -> generated(planCode, year, null, chosen));
        return Response.fromResponse(cached.bytes(request, openData, current, MediaType.valueOf(chosen.mediaType())))
            .header("Content-Disposition", disposition(name, chosen)).build();
    }

    private byte[] generated(String planCode, Integer year, Instant moment, PackFormat format) {
        try {
            return packs.pack(planCode, year, moment, format);
        } catch (BulkheadException e) {
            throw ProblemException.unavailable("As many committee packs as the service makes at once (" + CommitteePacks.CONCURRENT_PACKS
                + ") are being made; retry shortly", BUSY_RETRY_SECONDS);
        }
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
        return Response.ok(pack, format.mediaType()).header("Content-Disposition", disposition(name, format)).build();
    }

    private static String disposition(String name, PackFormat format) {
        return "attachment; filename=\"" + name + "." + format.extension() + "\"";
    }
}
