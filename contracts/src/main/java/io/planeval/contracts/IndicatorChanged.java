package io.planeval.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@value EventTypes#INDICATOR_CHANGED} on {@value Topics#INDICATORS}, keyed by {@code planCode/indicatorCode}:
 * the whole definition after a committed change. A consumer keeps the highest version it has seen.
 * Enumerations are lower snake case, as in the REST API. Schema: {@code schemas/indicator-changed.v1.json}.
 */
public record IndicatorChanged(String planCode, String indicatorCode, long version, Instant changedAt, Actor changedBy,
                               Indicator indicator) {
    public IndicatorChanged {
        Required.present("planCode", planCode, "indicatorCode", indicatorCode, "changedAt", changedAt, "indicator", indicator);
    }

    public record Indicator(
        String code,
        String nodeCode,
        /** kgi or kpi */
        String kind,
        String name,
        String unit,
        BigDecimal baselineValue,
        Integer baselineFiscalYear,
        BigDecimal targetValue,
        String targetText,
        /** null: the indicator has no target and is evaluated as such */
        Integer targetFiscalYear,
        List<Milestone> milestones,
        /** higher_is_better, lower_is_better or qualitative */
        String direction,
        /** ratio, inverse_ratio, progress_from_baseline or qualitative */
        String method,
        List<String> relatedKpis,
        String department,
        /** The organisation whose reporters post its measurements (their tokens' org claim) */
        String organisation,
        String sourceSystem,
        String note,
        /** The indicator of an earlier plan this one continues, or null */
        Predecessor predecessor) {
        public Indicator {
            Required.present("code", code, "nodeCode", nodeCode, "kind", kind, "name", name, "direction", direction, "method", method);
        }
    }

    /** An indicator of an earlier plan, by plan and indicator code. */
    public record Predecessor(String planCode, String indicatorCode) {
        public Predecessor {
            Required.present("planCode", planCode, "indicatorCode", indicatorCode);
        }
    }

    public record Milestone(int fiscalYear, BigDecimal value) {
        public Milestone {
            Required.present("value", value);
        }
    }
}
