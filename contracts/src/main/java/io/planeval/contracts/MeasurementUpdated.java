package io.planeval.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@value EventTypes#MEASUREMENT_UPDATED} on {@value Topics#MEASUREMENTS}, keyed by plan code: one stored revision
 * of a measurement. Revisions of one indicator and period count up from 1; the highest recorded by a moment is
 * the one in force at that moment. Schema: {@code schemas/measurement-updated.v1.json}.
 */
public record MeasurementUpdated(
    long measurementId,
    String planCode,
    String indicatorCode,
    int fiscalYear,
    /** 1-4 within the fiscal year, or null */
    Integer quarter,
    /** calendar month 1-12 within the fiscal year, or null */
    Integer month,
    int revision,
    BigDecimal value,
    /** For qualitative indicators */
    Vocabulary.Outcome outcome,
    Vocabulary.MeasurementStatus status,
    LocalDate expectedDate,
    LocalDate describesDate,
    String sourceSystem,
    String note,
    /** Set on a correction of a figure already reported (the only way into a locked fiscal year): why */
    String correctionReason,
    /**
     * approved: counts at once (the plan asks for no review); submitted: counts once a reviewer approves it
     * ({@link MeasurementReviewed}). Absent on events published before reviews existed, which counted at once.
     */
    Vocabulary.ReviewState review,
    Instant recordedAt,
    Actor recordedBy,
    /**
     * For a broken-down indicator, the member of each dimension the figure is for (dimension code → member code);
     * empty for the indicator's own figure (its whole). Absent on events published before breakdowns existed.
     */
    Map<String, String> members) implements Event {
    public MeasurementUpdated {
        Required.present("planCode", planCode, "indicatorCode", indicatorCode, "status", status, "recordedAt", recordedAt);
        review = review == null ? Vocabulary.ReviewState.APPROVED : review;
        members = members == null ? Map.of() : members;
    }

    @Override
    public String topic() {
        return Topics.MEASUREMENTS;
    }

    @Override
    public String type() {
        return EventTypes.MEASUREMENT_UPDATED;
    }

    @Override
    public String key() {
        return planCode;
    }
}
