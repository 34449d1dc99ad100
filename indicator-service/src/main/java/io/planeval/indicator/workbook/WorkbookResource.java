package io.planeval.indicator.workbook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.http.QueryParams;
import io.planeval.support.security.Roles;

@Path("/api/v1/plans/{planCode}/workbook")
@Tag(name = "Measurements")
public class WorkbookResource {

    @Inject
    ReportingWorkbooks workbooks;

    @GET
    @Produces(WorkbookLayout.MEDIA_TYPE)
    @Operation(operationId = "getReportingWorkbook", summary = "The Excel workbook a department fills in with its figures for a fiscal year",
        description = "One row per indicator the caller reports (a reporter: its organisation's; operations and plan admins: any, "
            + "or one organisation's): code (locked), name, unit, the year's target, last year's figure, and empty cells for the "
            + "year's value (達成 / 未達成 for a qualitative indicator), status (a list: 確定値, 速報値, 集計中), expected date, note "
            + "and correction reason. Post it back as it is to /api/v1/measurements/workbook (postMeasurementsWorkbook).")
    @APIResponse(responseCode = "200", description = "The workbook",
        content = @Content(mediaType = WorkbookLayout.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        headers = @Header(name = "Content-Disposition", description = "attachment; filename=<plan>-<year>-workbook.xlsx",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "fiscalYear outside the plan")
    @APIResponse(responseCode = "403", description = "A reporter asking for another organisation's workbook")
    @APIResponse(responseCode = "404", description = "Plan not known")
    @RolesAllowed(Roles.REPORTER)
    public Response workbook(@PathParam("planCode") String planCode,
                             @Parameter(description = "Gregorian fiscal year the figures are for; default: the plan's last",
                                 schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                             @Parameter(description = "Only this organisation's indicators (operations and plan admins)")
                             @QueryParam("organisation") String organisation) {
        Integer year = QueryParams.fiscalYear(fiscalYear);
        byte[] workbook = workbooks.workbook(planCode, year, organisation == null || organisation.isEmpty() ? null : organisation);
        return Response.ok(workbook, WorkbookLayout.MEDIA_TYPE)
            .header("Content-Disposition", "attachment; filename=\"" + planCode + (year == null ? "" : "-" + year) + "-workbook.xlsx\"")
            .build();
    }
}
