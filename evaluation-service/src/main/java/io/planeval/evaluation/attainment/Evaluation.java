package io.planeval.evaluation.attainment;

import java.math.BigDecimal;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.Method;

/**
 * An indicator's result for a fiscal year, with its working.
 *
 * @param attainment percent, exact to {@link Percent#SCALE} places, not capped; null where undefined
 * @param onTrack    where the year's target is a milestone: whether it was met; otherwise null
 */
public record Evaluation(
    IndicatorDefinition indicator,
    int fiscalYear,
    EvaluationStatus status,
    BigDecimal attainment,
    Boolean onTrack,
    Working working) {

    /** How the result was reached. */
    public record Working(
        Method method,
        String formula,
        String reason,
        Actual actual,
        TargetUsed target,
        BigDecimal baselineValue,
        Integer baselineFiscalYear) {
    }

    /** The target the year was judged against: the final one, or that year's milestone. */
    public record TargetUsed(BigDecimal value, String text, int fiscalYear, boolean milestone) {
    }
}
