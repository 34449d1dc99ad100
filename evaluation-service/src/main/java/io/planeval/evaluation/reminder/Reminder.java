package io.planeval.evaluation.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.ReminderState;
import io.planeval.contracts.Vocabulary.ReminderTiming;

/** A reminder of a reporting season's step to one organisation, as it was sent (or tried). */
public record Reminder(
    long id,
    int fiscalYear,
    @Schema(example = "sample-org-a") String organisation,
    ReminderTiming timing,
    @Schema(description = "Working days before or after the due date (0: on it)") int workingDays,
    @Schema(description = "The step's day") LocalDate stepDate,
    ReminderState state,
    @Schema(description = "Sendings tried") int attempts,
    Instant claimedAt,
    Instant sentAt,
    @Schema(description = "Where it went") List<String> recipients,
    @Schema(description = "The indicators it listed as owed") List<String> indicatorCodes,
    @Schema(description = "Why the last sending failed") String error) {
}
