package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.time.Instant;

/** The measurement revision in force for an indicator and fiscal year (the highest recorded by the moment asked). */
public record Actual(
    long measurementId,
    int fiscalYear,
    int revision,
    BigDecimal value,
    String outcome,
    String status,
    Instant recordedAt) {

    public boolean isBeingTallied() {
        return "being_tallied".equals(status);
    }
}
