package io.planeval.evaluation.reminder;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.calendar.ReportingCalendars;
import io.planeval.support.security.Roles;

@Path("/api/v1/plans/{planCode}/reminders")
@Tag(name = "Reporting season")
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {

    /** The reminders as listed. */
    public record ReminderList(List<Reminder> items) {
    }

    @Inject
    Reminders reminders;

    @Inject
    ReportingCalendars calendars;

    @GET
    @Operation(operationId = "listReminders", summary = "The reminders sent (or tried) for a plan, the newest first",
        description = "One per organisation and step of a reporting season: when, to whom, listing which indicators, and whether the "
            + "SMTP server took it. Plan admins only (the addresses are personal data).")
    @APIResponse(responseCode = "200", description = "The reminders", content = @Content(schema = @Schema(implementation = ReminderList.class)))
    @APIResponse(responseCode = "400", description = "fiscalYear outside the plan")
    @APIResponse(responseCode = "404", description = "No such plan")
    @RolesAllowed(Roles.PLAN_ADMIN)
    public ReminderList list(@PathParam("planCode") String planCode,
                             @Parameter(description = "Only this Gregorian fiscal year's season; default: every one",
                                 schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear) {
        calendars.knownPlan(planCode);
        Integer year = fiscalYear == null || fiscalYear.isBlank() ? null : calendars.fiscalYearOf(planCode, fiscalYear);
        return new ReminderList(reminders.of(planCode, year));
    }
}
