package io.planeval.contracts;

import java.time.Instant;

/**
 * {@value EventTypes#MEASUREMENT_REVIEWED} on {@value Topics#MEASUREMENTS}, keyed by plan code (after the revision it
 * decides, in the same order): a reviewer approved a submitted measurement revision, so it counts from
 * {@code decidedAt}, or returned it with a reason, so it never counts and a new revision corrects it.
 * Schema: {@code schemas/measurement-reviewed.v1.json}.
 */
public record MeasurementReviewed(
    long measurementId,
    String planCode,
    String indicatorCode,
    int fiscalYear,
    Integer quarter,
    Integer month,
    int revision,
    /** approved or returned */
    Vocabulary.ReviewState decision,
    /** Why it was returned (required then), or a remark on the approval */
    String reason,
    Instant decidedAt,
    Actor decidedBy) implements Event {
    public MeasurementReviewed {
        Required.present("planCode", planCode, "indicatorCode", indicatorCode, "decision", decision, "decidedAt", decidedAt);
        if (decision == Vocabulary.ReviewState.SUBMITTED) {
            throw new IllegalArgumentException("decision must be approved or returned, not submitted");
        }
    }

    @Override
    public String topic() {
        return Topics.MEASUREMENTS;
    }

    @Override
    public String type() {
        return EventTypes.MEASUREMENT_REVIEWED;
    }

    @Override
    public String key() {
        return planCode;
    }
}
