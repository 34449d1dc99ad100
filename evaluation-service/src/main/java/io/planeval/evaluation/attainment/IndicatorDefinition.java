package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.util.Map;

import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.Method;

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
    Method method) {

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
