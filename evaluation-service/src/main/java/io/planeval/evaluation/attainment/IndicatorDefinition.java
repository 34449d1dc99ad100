package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.WholeFigure;

/** What the evaluation needs of an indicator's definition. {@code targetFiscalYear} null: it has no target. */
public record IndicatorDefinition(
    String code,
    String nodeCode,
    IndicatorKind kind,
    String name,
    String unit,
    BigDecimal baselineValue,
    Integer baselineFiscalYear,
    BigDecimal targetValue,
    String targetText,
    Integer targetFiscalYear,
    Map<Integer, BigDecimal> milestones,
    Direction direction,
    Method method,
    /** Its dimensions and how its members make its whole; null: not broken down */
    IndicatorChanged.Breakdown breakdown,
    /** How its figure is computed from others of the plan; null: it is reported */
    IndicatorChanged.Formula formula) {

    /** A definition of a figure reported as it is: not broken down, not computed. */
    public IndicatorDefinition(String code, String nodeCode, IndicatorKind kind, String name, String unit, BigDecimal baselineValue,
                               Integer baselineFiscalYear, BigDecimal targetValue, String targetText, Integer targetFiscalYear,
                               Map<Integer, BigDecimal> milestones, Direction direction, Method method) {
        this(code, nodeCode, kind, name, unit, baselineValue, baselineFiscalYear, targetValue, targetText, targetFiscalYear, milestones,
            direction, method, null, null);
    }

    /** Its figure is made from its members' and never posted. */
    public boolean isDerived() {
        return breakdown != null && breakdown.whole() == WholeFigure.DERIVED;
    }

    /** The definition without a target: what a part of a total is judged by when it has none of its own. */
    public IndicatorDefinition withoutTarget() {
        return new IndicatorDefinition(code, nodeCode, kind, name, unit, baselineValue, baselineFiscalYear, null, null, null, Map.of(),
            direction, method, breakdown, formula);
    }

    /**
     * The definition a member with its own target is judged by: that target in place of the final one and of every
     * milestone, so it applies in each year the indicator has a target for.
     */
    public IndicatorDefinition withOwnTarget(BigDecimal target) {
        Map<Integer, BigDecimal> own = new HashMap<>();
        milestones.keySet().forEach(year -> own.put(year, target));
        return new IndicatorDefinition(code, nodeCode, kind, name, unit, baselineValue, baselineFiscalYear, target, targetText,
            targetFiscalYear, own, direction, method, breakdown, formula);
    }

    public boolean isKpi() {
        return kind == IndicatorKind.KPI;
    }

    public boolean isKgi() {
        return kind == IndicatorKind.KGI;
    }

    public boolean isQualitative() {
        return direction == Direction.QUALITATIVE;
    }
}
