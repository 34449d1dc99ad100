package io.planeval.indicator.measurements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.support.decimal.Decimals;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.members.MemberKeys;

/** A stored measurement revision. */
@Schema(name = "Measurement")
public record MeasurementView(
    long id,
    String planCode,
    String indicatorCode,
    int fiscalYear,
    @Schema(example = "令和6年度") String fiscalYearLabel,
    Integer quarter,
    Integer month,
    @Schema(description = "For a broken-down indicator, the member of each dimension the figure is for; empty for its own figure")
    Map<String, String> members,
    @Schema(description = "1 for the first measurement of this indicator and period, then 2, 3 …") int revision,
    BigDecimal value,
    Outcome outcome,
    MeasurementStatus status,
    @Schema(implementation = String.class, format = "date", nullable = true) LocalDate expectedDate,
    @Schema(implementation = String.class, format = "date", nullable = true) LocalDate describesDate,
    String sourceSystem,
    String note,
    @Schema(description = "Set on a correction: why the figure was changed") String correctionReason,
    @Schema(implementation = String.class, format = "date-time", description = "When the server stored it") Instant recordedAt,
    @Schema(description = "Who posted it") Actor recordedBy,
    @Schema(description = "Whether it counts: approved (at once, or by a reviewer), submitted (waits for a reviewer) or "
        + "returned (never counts; a new revision corrects it)") Review review) {

    @Schema(name = "MeasurementReviewState")
    public record Review(
        ReviewState state,
        @Schema(implementation = String.class, format = "date-time", description = "When a reviewer decided; absent until then")
        Instant decidedAt,
        @Schema(description = "Who decided, as the token said") Actor decidedBy,
        @Schema(description = "Why it was returned, or a remark on the approval") String reason) {
    }

    /** The revision with the reviewer's decision on it (null: none yet, or it needed none). */
    static MeasurementView of(Measurement m, String planCode, String indicatorCode, MeasurementReview decision) {
        Review review = decision == null ? new Review(m.review, null, null, null)
            : new Review(decision.decision, decision.decidedAt, decision.decidedBy, decision.reason);
        return new MeasurementView(m.id, planCode, indicatorCode, m.fiscalYear, FiscalYears.label(m.fiscalYear),
            m.quarter, m.month, MemberKeys.members(m.memberKey), m.revision, Decimals.canonical(m.value), m.outcome, m.status, m.expectedDate,
            m.describesDate, m.sourceSystem, m.note, m.correctionReason, m.recordedAt, m.recordedBy, review);
    }

    /** The revision as stored, before any decision on it. */
    MeasurementUpdated event() {
        return new MeasurementUpdated(id, planCode, indicatorCode, fiscalYear, quarter, month, revision, value, outcome,
            status, expectedDate, describesDate, sourceSystem, note, correctionReason, review.state(), recordedAt, recordedBy, members);
    }
}
