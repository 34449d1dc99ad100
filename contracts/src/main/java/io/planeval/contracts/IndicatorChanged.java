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
                               Indicator indicator) implements Event {
    public IndicatorChanged {
        Required.present("planCode", planCode, "indicatorCode", indicatorCode, "changedAt", changedAt, "indicator", indicator);
    }

    @Override
    public String topic() {
        return Topics.INDICATORS;
    }

    @Override
    public String type() {
        return EventTypes.INDICATOR_CHANGED;
    }

    @Override
    public String key() {
        return Topics.indicatorKey(planCode, indicatorCode);
    }

    public record Indicator(
        String code,
        String nodeCode,
        Vocabulary.IndicatorKind kind,
        String name,
        String unit,
        BigDecimal baselineValue,
        Integer baselineFiscalYear,
        BigDecimal targetValue,
        String targetText,
        /** null: the indicator has no target and is evaluated as such */
        Integer targetFiscalYear,
        List<Milestone> milestones,
        Vocabulary.Direction direction,
        Vocabulary.Method method,
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
