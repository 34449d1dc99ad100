package io.planeval.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@value EventTypes#EVALUATION_CHANGED} on {@value Topics#EVALUATIONS}, keyed by plan code: an indicator's status
 * for a fiscal year changed (e.g. being_tallied → achieved), so dashboards and alerting need not poll.
 * Statuses: achieved, not_achieved, being_tallied, no_target; {@code previousStatus} null the first time.
 * Attainments are percent, exact to 10 decimal places, null where undefined.
 * Schema: {@code schemas/evaluation-changed.v1.json}.
 */
public record EvaluationChanged(
    String planCode,
    String indicatorCode,
    int fiscalYear,
    Vocabulary.EvaluationStatus previousStatus,
    Vocabulary.EvaluationStatus status,
    BigDecimal previousAttainment,
    BigDecimal attainment,
    Instant evaluatedAt) implements Event {
    public EvaluationChanged {
        Required.present("planCode", planCode, "indicatorCode", indicatorCode, "status", status, "evaluatedAt", evaluatedAt);
    }

    @Override
    public String topic() {
        return Topics.EVALUATIONS;
    }

    @Override
    public String type() {
        return EventTypes.EVALUATION_CHANGED;
    }

    @Override
    public String key() {
        return planCode;
    }
}
