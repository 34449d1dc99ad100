package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.util.Map;

/** What the evaluation needs of an indicator's definition. {@code targetFiscalYear} null: it has no target. */
public record IndicatorDefinition(
    String code,
    String nodeCode,
    String kind,
    String name,
    String unit,
    BigDecimal baselineValue,
    Integer baselineFiscalYear,
    BigDecimal targetValue,
    String targetText,
    Integer targetFiscalYear,
    Map<Integer, BigDecimal> milestones,
    String direction,
    String method) {

    public static final String KGI = "kgi";
    public static final String KPI = "kpi";

    public boolean isKpi() {
        return KPI.equals(kind);
    }

    public boolean isKgi() {
        return KGI.equals(kind);
    }

    public boolean isQualitative() {
        return "qualitative".equals(direction);
    }
}
