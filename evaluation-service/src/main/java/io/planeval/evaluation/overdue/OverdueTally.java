package io.planeval.evaluation.overdue;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;

/** A whole-year figure still reported as being tallied after the date it was expected. */
@Schema(name = "OverdueTally")
public record OverdueTally(
    String code,
    String name,
    String nodeCode,
    @Schema(description = "The organisation that reports it, where its definition names one") String organisation,
    String department,
    int fiscalYear,
    @Schema(example = "令和6年度") String fiscalYearLabel,
    @Schema(implementation = String.class, format = "date") LocalDate expectedDate,
    @Schema(description = "Days from the expected date to the day asked about (Japan time)") int daysOverdue,
    long measurementId,
    int revision,
    @Schema(implementation = String.class, format = "date-time", description = "When it was reported as being tallied") Instant reportedAt,
    Actor reportedBy) {
}
