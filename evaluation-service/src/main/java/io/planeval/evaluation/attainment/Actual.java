package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.time.Instant;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;

/** The measurement revision in force for an indicator and fiscal year (the highest recorded by the moment asked). */
public record Actual(
    long measurementId,
    int fiscalYear,
    int revision,
    BigDecimal value,
    Outcome outcome,
    MeasurementStatus status,
    Instant recordedAt,
    /** Who posted it */
    Actor recordedBy,
    /** Set on a correction: why the figure was changed */
    String correctionReason) {

    public boolean isBeingTallied() {
        return status == MeasurementStatus.BEING_TALLIED;
    }
}
