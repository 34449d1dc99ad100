package io.planeval.evaluation.attainment;

import java.math.BigDecimal;

import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.support.decimal.Decimals;

/**
 * Status and attainment of one indicator for one fiscal year, by its own method, in exact decimals.
 * Every input gives a defined answer; where a rate is undefined it is null and the working says why.
 */
public final class IndicatorEvaluator {

    private IndicatorEvaluator() {
    }

    public static Evaluation evaluate(IndicatorDefinition def, int fiscalYear, Actual actual) {
        Evaluation.TargetUsed target = targetFor(def, fiscalYear);
        if (target == null) {
            String reason = def.targetFiscalYear() == null ? "the indicator has no target"
                : "no target applies to fiscal year " + fiscalYear + " (the final target is for " + def.targetFiscalYear() + ")";
            return result(def, fiscalYear, EvaluationStatus.NO_TARGET, null, null, def.method(), null, reason, actual, null);
        }
        if (actual == null || actual.isBeingTallied()
            || (def.isQualitative() ? actual.outcome() == null : actual.value() == null)) {
            String reason = actual == null ? "no actual for fiscal year " + fiscalYear + " has been reported yet"
                : def.isDerived() && actual.members() != null ? "derived from its members: " + actual.members().formula()
                : actual.computation() != null ? "computed from other indicators: " + actual.computation().working()
                : "reported as being tallied (revision " + actual.revision() + ")";
            return result(def, fiscalYear, EvaluationStatus.BEING_TALLIED, null, null, def.method(), null, reason, actual, target);
        }
        if (def.isQualitative()) {
            boolean achieved = actual.outcome() == Outcome.ACHIEVED;
            BigDecimal rate = achieved ? Percent.HUNDRED.setScale(Percent.SCALE) : BigDecimal.ZERO.setScale(Percent.SCALE);
            String formula = target.text() + ": " + actual.outcome() + " as reported = " + Percent.twoDecimals(rate);
            return result(def, fiscalYear, achieved ? EvaluationStatus.ACHIEVED : EvaluationStatus.NOT_ACHIEVED, rate,
                target.milestone() ? achieved : null, def.method(), formula, null, actual, target);
        }
        boolean lowerIsBetter = def.direction() == Direction.LOWER_IS_BETTER;
        int comparison = actual.value().compareTo(target.value());
        boolean met = lowerIsBetter ? comparison <= 0 : comparison >= 0;
        Rate rate = rate(def, actual.value(), target.value());
        return result(def, fiscalYear, met ? EvaluationStatus.ACHIEVED : EvaluationStatus.NOT_ACHIEVED, rate.percent(),
            target.milestone() ? met : null, def.method(), rate.formula(), rate.reason(), actual, target);
    }

    /** The year's milestone if it has one; else the final target from its year on; else none. */
    static Evaluation.TargetUsed targetFor(IndicatorDefinition def, int fiscalYear) {
        if (def.targetFiscalYear() == null) {
            return null;
        }
        BigDecimal milestone = def.milestones() == null ? null : def.milestones().get(fiscalYear);
        if (milestone != null && fiscalYear != def.targetFiscalYear()) {
            return new Evaluation.TargetUsed(milestone, null, fiscalYear, true);
        }
        if (fiscalYear >= def.targetFiscalYear()) {
            return new Evaluation.TargetUsed(def.targetValue(), def.targetText(), def.targetFiscalYear(), false);
        }
        return null;
    }

    private record Rate(BigDecimal percent, String formula, String reason) {
    }

    private static Rate rate(IndicatorDefinition def, BigDecimal actual, BigDecimal target) {
        String a = Decimals.plain(actual);
        String t = Decimals.plain(target);
        return switch (def.method()) {
            case INVERSE_RATIO -> {
                if (target.signum() < 0 || actual.signum() < 0) {
                    yield new Rate(null, t + " ÷ " + a, "target ÷ actual is a proportion of values 0 or more, and this one has "
                        + "a negative value; where values can be negative, progress_from_baseline measures the distance");
                }
                BigDecimal percent = Percent.of(target, actual);
                yield percent == null
                    ? new Rate(null, t + " ÷ " + a, "the actual is 0, so target ÷ actual is undefined")
                    : new Rate(percent, t + " ÷ " + a + " = " + Percent.twoDecimals(percent), null);
            }
            case PROGRESS_FROM_BASELINE -> {
                if (def.baselineValue() == null) {
                    yield new Rate(null, null, "progress from baseline needs a baseline, and there is none");
                }
                BigDecimal baseline = def.baselineValue();
                String b = Decimals.plain(baseline);
                String formula = "(" + a + " − " + b + ") ÷ (" + t + " − " + b + ")";
                int baselineVsTarget = baseline.compareTo(target);
                if (baselineVsTarget == 0) {
                    yield new Rate(null, formula, "the target equals the baseline, so there is no distance to measure progress on");
                }
                boolean lowerIsBetter = def.direction() == Direction.LOWER_IS_BETTER;
                if (lowerIsBetter ? baselineVsTarget < 0 : baselineVsTarget > 0) {
                    yield new Rate(null, formula, "the baseline already meets the target, so progress toward it is undefined");
                }
                BigDecimal percent = Percent.of(actual.subtract(baseline), target.subtract(baseline));
                yield new Rate(percent, formula + " = " + Percent.twoDecimals(percent), null);
            }
            case RATIO -> {
                if (target.signum() < 0 || actual.signum() < 0) {
                    yield new Rate(null, a + " ÷ " + t, "actual ÷ target is a proportion of values 0 or more, and this one has "
                        + "a negative value; where values can be negative, progress_from_baseline measures the distance");
                }
                BigDecimal percent = Percent.of(actual, target);
                yield percent == null
                    ? new Rate(null, a + " ÷ " + t, "the target is 0, so actual ÷ target is undefined")
                    : new Rate(percent, a + " ÷ " + t + " = " + Percent.twoDecimals(percent), null);
            }
            // A numeric direction never pairs with the qualitative method (indicator-service refuses it).
            case QUALITATIVE -> new Rate(null, a + " ÷ " + t, "the qualitative method judges by a reported outcome, not a value");
        };
    }

    private static Evaluation result(IndicatorDefinition def, int fiscalYear, EvaluationStatus status, BigDecimal attainment,
                                     Boolean onTrack, Method method, String formula, String reason, Actual actual,
                                     Evaluation.TargetUsed target) {
        return new Evaluation(def, fiscalYear, status, attainment, onTrack, new Evaluation.Working(method, formula, reason,
            actual, target, def.baselineValue(), def.baselineFiscalYear()));
    }
}
