package io.planeval.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        Predecessor predecessor,
        /** The dimensions its figures are broken down by, and how its members make its whole; null: not broken down */
        Breakdown breakdown,
        /** How its figure is computed from other indicators of the plan; null: it is reported */
        Formula formula) {
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

    /**
     * An indicator broken down by one or more dimensions (municipality, sex, age, or a list of the plan's own): a
     * measurement may carry one member of each, and the whole is reported or derived from the cells, a cell being
     * one member of every dimension.
     *
     * @param decimals the places the derived whole is rounded to (half up, as 四捨五入); null: 6
     * @param threshold for a share of members at least a value
     * @param settings  cells' own targets and weights
     */
    public record Breakdown(List<Dimension> dimensions, Vocabulary.WholeFigure whole, Vocabulary.Aggregation aggregation,
                            Vocabulary.ShareCondition condition, BigDecimal threshold, Integer decimals,
                            List<MemberSetting> settings) {
        public Breakdown {
            Required.present("dimensions", dimensions, "whole", whole, "aggregation", aggregation);
            settings = settings == null ? List.of() : settings;
        }
    }

    /**
     * An indicator computed from others of its plan: arithmetic over indicator codes in braces ({@code {A} / {B} * 100}),
     * rounded half up to {@code decimals} places (null: 6).
     */
    public record Formula(String expression, Integer decimals) {
        public Formula {
            Required.present("expression", expression);
        }
    }

    /** A dimension and every member it has (a code list, e.g. 全国地方公共団体コード for municipality). */
    public record Dimension(String code, String name, List<Member> members) {
        public Dimension {
            Required.present("code", code, "members", members);
        }
    }

    public record Member(String code, String name) {
        public Member {
            Required.present("code", code);
        }
    }

    /** A cell's own target (in place of the indicator's, in every year the indicator has one) and weight. */
    public record MemberSetting(Map<String, String> members, BigDecimal target, BigDecimal weight) {
        public MemberSetting {
            Required.present("members", members);
        }
    }

    public record Milestone(int fiscalYear, BigDecimal value) {
        public Milestone {
            Required.present("value", value);
        }
    }
}
