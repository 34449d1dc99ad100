package io.planeval.evaluation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.ReminderTiming;

/** A plan's reporting season for a fiscal year: when whole-year figures are due, and when those still owing are reminded. */
@Schema(description = "A reporting season: the due date of the fiscal year's figures (some indicators' own), and the working days "
    + "before and after it at which organisations still owing figures are reminded. Working days are Japan's: no weekends, "
    + "national holidays (the Cabinet Office's list) or 29 December – 3 January.")
public record ReportingCalendar(
    @Schema(readOnly = true, example = "gunma-r2-r6") String planCode,
    @Schema(readOnly = true, description = "Gregorian fiscal year, from the path", example = "2024") Integer fiscalYear,
    @Schema(description = "When the year's figures are due; default 30 June after the year ends", example = "2025-06-30")
    LocalDate dueDate,
    @Schema(description = "Working days before the due date at which to remind, 1–" + ReportingCalendars.MAX_DAYS + "; default [10, 3]",
        example = "[10, 3]")
    List<Integer> remindBefore,
    @Schema(description = "Working days after the due date at which to remind, 1–" + ReportingCalendars.MAX_DAYS + "; default [1, 5]",
        example = "[1, 5]")
    List<Integer> remindAfter,
    @Schema(description = "Indicators due on another day, by code", example = "{\"KGI2\": \"2025-08-29\"}")
    Map<String, LocalDate> indicatorDueDates,
    @Schema(readOnly = true, description = "Whether a plan admin set this season (reminders go out only then); false: the defaults")
    boolean set,
    @Schema(readOnly = true, description = "The reminder steps with their dates; a date is absent where Japan's holidays of its year are not "
        + "yet published (holidaysKnownThrough)")
    List<Step> steps,
    @Schema(readOnly = true, description = "The last year of the Cabinet Office's holiday list the service holds", example = "2027")
    Integer holidaysKnownThrough,
    @Schema(readOnly = true) Instant updatedAt,
    @Schema(readOnly = true) Actor updatedBy) {

    /** A reminder step: so many working days before the due date, on it, or after it, and the day that is. */
    public record Step(ReminderTiming timing, int workingDays, LocalDate date) {
    }

    /** The due date of an indicator: its own, or the season's. */
    public LocalDate dueDateOf(String indicatorCode) {
        return indicatorDueDates.getOrDefault(indicatorCode, dueDate);
    }
}
