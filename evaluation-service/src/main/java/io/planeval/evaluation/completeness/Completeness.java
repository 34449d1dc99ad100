package io.planeval.evaluation.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.MeasurementStatus;

/** Who has reported a fiscal year's figures, and who still owes them, as of a moment. */
@Schema(description = "A fiscal year's reporting, per organisation and department: the indicators expected, reported final, preliminary, being "
    + "tallied, awaiting review and missing, and those past their due date")
public record Completeness(
    String planCode,
    int fiscalYear,
    @Schema(example = "令和6年度") String fiscalYearLabel,
    @Schema(description = "The moment it is as of") Instant asOf,
    @Schema(description = "The season's due date (some indicators have their own)") LocalDate dueDate,
    @Schema(description = "Working days from the moment's day to the due date: positive ahead, negative past; absent beyond the "
        + "holiday list") Integer workingDaysToDue,
    Counts totals,
    @Schema(description = "Per organisation and department, the one owing the most first") List<OrganisationCompleteness> organisations) {

    /** How many indicators stand where. */
    public record Counts(
        @Schema(description = "Indicators of the year") int expected,
        @Schema(description = "With a final figure that counts") int reportedFinal,
        @Schema(description = "With a preliminary figure only") int preliminary,
        @Schema(description = "Reported as being tallied") int beingTallied,
        @Schema(description = "With a figure waiting for a reviewer (the organisation's part is done)") int awaitingReview,
        @Schema(description = "With nothing reported") int missing,
        @Schema(description = "Not final and past their due date") int overdue) {
    }

    /** An organisation's part (a department's, where indicators name one). */
    public record OrganisationCompleteness(
        @Schema(description = "The organisation's code; absent for indicators that name none", example = "sample-org-a") String organisation,
        @Schema(description = "The department within it, where the indicators name one") String department,
        @Schema(description = "Its name in the directory, where it is there") String name,
        Counts counts,
        @Schema(description = "What it still owes: every indicator without a final figure or one awaiting review") List<Outstanding> outstanding) {
    }

    /** An indicator still owed. */
    public record Outstanding(
        String code,
        String name,
        @Schema(description = "What was reported: preliminary or being_tallied; absent where nothing was") MeasurementStatus status,
        LocalDate dueDate,
        @Schema(description = "Working days to its due date: positive ahead, negative past") Integer workingDaysToDue,
        boolean overdue) {
    }
}
