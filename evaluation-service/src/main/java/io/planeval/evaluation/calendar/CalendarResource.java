package io.planeval.evaluation.calendar;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.http.Written;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;

@Path("/api/v1/plans/{planCode}/calendar/{fiscalYear}")
@Tag(name = "Reporting season", description = "When a fiscal year's figures are due, which organisations still owe them, and the "
    + "reminders sent to those that do.")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    static final String YEAR = "Gregorian fiscal year whose figures are due, within the plan's years, e.g. 2024 for 令和6年度";

    @Inject
    ReportingCalendars calendars;

    @Inject
    ReadAccess access;

    @GET
    @Operation(operationId = "getReportingCalendar", summary = "A fiscal year's reporting season: due date, reminder steps and their days",
        description = "As a plan admin set it, or the defaults (due 30 June after the year ends; reminders 10 and 3 working days "
            + "before, on the day, and 1 and 5 after) where none did. Readable where the plan's evaluation is.")
    @APIResponse(responseCode = "200", description = "The season", content = @Content(schema = @Schema(implementation = ReportingCalendar.class)))
    @APIResponse(responseCode = "400", description = "fiscalYear outside the plan")
    @APIResponse(responseCode = "404", description = "No such plan")
    @SecurityRequirementsSet
    @PermitAll
    public ReportingCalendar get(@PathParam("planCode") String planCode,
                                 @Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("fiscalYear") String fiscalYear) {
        access.openDataIfReadable(planCode);
        return calendars.of(planCode, calendars.fiscalYearOf(planCode, fiscalYear));
    }

    @PUT
    @WriteLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putReportingCalendar", summary = "Set a fiscal year's reporting season (plan admins)",
        description = "Replaces what was set. From now on each organisation still owing figures of the year gets one e-mail at "
            + "each step (the latest step due when the reminders next run; steps already behind are not sent late).")
    @APIResponse(responseCode = "201", description = "Set for the first time", content = @Content(schema = @Schema(implementation = ReportingCalendar.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = ReportingCalendar.class)))
    @APIResponse(responseCode = "400", description = "A date outside the year and the three after it, a step out of range or twice, "
        + "or an indicator the plan does not have; every violation listed")
    @APIResponse(responseCode = "404", description = "No such plan")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public Response put(@PathParam("planCode") String planCode,
                        @Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("fiscalYear") String fiscalYear,
                        @RequestBody(content = @Content(schema = @Schema(implementation = ReportingCalendar.class),
                            examples = @ExampleObject(name = "R6 season", value = """
                                {"dueDate": "2025-06-30", "remindBefore": [10, 3], "remindAfter": [1, 5], "indicatorDueDates": {"KGI2": "2025-08-29"}}""")))
                        ReportingCalendar body) {
        boolean created = calendars.put(planCode, fiscalYear, body);
        int year = calendars.fiscalYearOf(planCode, fiscalYear);
        return (created ? Written.created("/api/v1/plans/" + planCode + "/calendar/" + year) : Response.ok())
            .entity(calendars.of(planCode, year)).build();
    }
}
