package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.Vocabulary.Aggregation;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.ShareCondition;
import io.planeval.support.decimal.Decimals;
import io.planeval.support.members.MemberKeys;

/**
 * A broken-down indicator's members, in plain Java: its cells, each cell judged against its own target or the
 * indicator's, and the cells aggregated into the whole — exact decimals, rounded once at the end to the breakdown's
 * places, half up (四捨五入), as a committee's table prints it.
 */
public final class MemberFigures {

    static final int DEFAULT_PLACES = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private MemberFigures() {
    }

    /** Every cell of the breakdown (one member of every dimension) by member key, the first dimension varying slowest. */
    public static List<String> cells(IndicatorChanged.Breakdown breakdown) {
        List<Map<String, String>> cells = List.of(new TreeMap<>());
        for (IndicatorChanged.Dimension d : breakdown.dimensions()) {
            List<Map<String, String>> grown = new ArrayList<>();
            for (Map<String, String> cell : cells) {
                for (IndicatorChanged.Member m : d.members()) {
                    Map<String, String> next = new TreeMap<>(cell);
                    next.put(d.code(), m.code());
                    grown.add(next);
                }
            }
            cells = grown;
        }
        return cells.stream().map(MemberKeys::key).toList();
    }

    /** The cell's own target, where its settings give one. */
    public static BigDecimal ownTarget(IndicatorChanged.Breakdown breakdown, String cell) {
        return setting(breakdown, cell).map(IndicatorChanged.MemberSetting::target).orElse(null);
    }

    private static Optional<IndicatorChanged.MemberSetting> setting(IndicatorChanged.Breakdown breakdown, String cell) {
        return breakdown.settings().stream().filter(s -> MemberKeys.key(s.members()).equals(cell)).findFirst();
    }

    /**
     * A cell's result for the year: its figure against its own target, or, in a share of members at least a value,
     * against that value (what it must reach to count), or else the indicator's target; a part of a sum has none but
     * its own (the total's target is not each part's).
     */
    public static Evaluation evaluateCell(IndicatorDefinition def, int fiscalYear, String cell, Actual actual) {
        return IndicatorEvaluator.evaluate(cellDefinition(def, cell), fiscalYear, actual);
    }

    /** The target a cell is judged against in place of the indicator's, or null where it is the indicator's. */
    public static BigDecimal cellTarget(IndicatorChanged.Breakdown breakdown, String cell) {
        BigDecimal own = ownTarget(breakdown, cell);
        if (own == null && breakdown.aggregation() == Aggregation.SHARE && breakdown.condition() == ShareCondition.AT_LEAST) {
            return breakdown.threshold();
        }
        return own;
    }

    private static IndicatorDefinition cellDefinition(IndicatorDefinition def, String cell) {
        BigDecimal target = cellTarget(def.breakdown(), cell);
        if (target != null) {
            return def.withOwnTarget(target);
        }
        return def.breakdown().aggregation() == Aggregation.SUM ? def.withoutTarget() : def;
    }

    /**
     * The figure the whole is evaluated by: for a derived whole, the cells' aggregate (being tallied until every cell
     * has a figure; none while no cell has one); for a reported whole, the reported figure with the aggregate beside it.
     */
    public static Actual whole(IndicatorDefinition def, int fiscalYear, Map<String, Actual> byCell, Actual reported) {
        Aggregate aggregate = aggregate(def, fiscalYear, byCell, reported);
        if (!def.isDerived()) {
            return reported == null ? null : reported.withMembers(aggregate);
        }
        return Actual.madeFrom(byCell.values().stream().filter(Objects::nonNull).toList(), fiscalYear,
            aggregate.complete() ? aggregate.value() : null, aggregate, null);
    }

    /** The cells with a counted figure aggregated by the breakdown's rule; a reported whole compared with it. */
    public static Aggregate aggregate(IndicatorDefinition def, int fiscalYear, Map<String, Actual> byCell, Actual reported) {
        IndicatorChanged.Breakdown b = def.breakdown();
        List<String> cells = cells(b);
        List<String> missing = new ArrayList<>();
        List<String> withFigure = new ArrayList<>();
        for (String cell : cells) {
            Actual a = byCell.get(cell);
            if (a == null || !a.hasValue()) {
                missing.add(cell);
            } else {
                withFigure.add(cell);
            }
        }
        int places = b.decimals() == null ? DEFAULT_PLACES : b.decimals();
        Result result = withFigure.isEmpty() ? new Result(null, "no member has a figure yet")
            : compute(def, fiscalYear, b, withFigure, byCell, places);
        Boolean agrees = def.isDerived() || reported == null || reported.value() == null || !missing.isEmpty() || result.value() == null
            ? null : reported.value().compareTo(result.value()) == 0;
        String formula = result.formula() + (missing.isEmpty() ? "" : "; " + missing.size() + " of " + members(cells.size())
            + (missing.size() == 1 ? " has" : " have") + " no figure yet" + (def.isDerived() ? ", so the whole is being tallied" : ""));
        return new Aggregate(b.aggregation(), cells.size(), withFigure.size(), List.copyOf(missing), result.value(), formula, agrees);
    }

    private record Result(BigDecimal value, String formula) {
    }

    private static Result compute(IndicatorDefinition def, int fiscalYear, IndicatorChanged.Breakdown b, List<String> cells,
                                  Map<String, Actual> byCell, int places) {
        int n = cells.size();
        List<BigDecimal> values = cells.stream().map(c -> byCell.get(c).value()).toList();
        String rounding = " (rounded half up to " + places + (places == 1 ? " place)" : " places)");
        return switch (b.aggregation()) {
            case SUM -> {
                BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal value = round(sum, places);
                yield new Result(value, "the sum of " + members(n) + " = " + Decimals.plain(value));
            }
            case MEAN -> {
                BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal value = sum.divide(BigDecimal.valueOf(n), places, RoundingMode.HALF_UP);
                yield new Result(value, Decimals.plain(sum) + " ÷ " + members(n) + " = " + Decimals.plain(value) + rounding);
            }
            case WEIGHTED_MEAN -> {
                BigDecimal weighted = BigDecimal.ZERO;
                BigDecimal weights = BigDecimal.ZERO;
                for (String cell : cells) {
                    BigDecimal weight = setting(b, cell).map(IndicatorChanged.MemberSetting::weight).orElse(BigDecimal.ONE);
                    weighted = weighted.add(byCell.get(cell).value().multiply(weight));
                    weights = weights.add(weight);
                }
                BigDecimal value = weighted.divide(weights, places, RoundingMode.HALF_UP);
                yield new Result(value, "Σ(value × weight) " + Decimals.plain(weighted) + " ÷ Σweight " + Decimals.plain(weights)
                    + " = " + Decimals.plain(value) + rounding);
            }
            case SHARE -> {
                long meeting = cells.stream().filter(cell -> meets(def, fiscalYear, b, cell, byCell.get(cell))).count();
                BigDecimal value = BigDecimal.valueOf(meeting).multiply(HUNDRED).divide(BigDecimal.valueOf(n), places, RoundingMode.HALF_UP);
                String condition = b.condition() == ShareCondition.AT_LEAST ? "at least " + Decimals.plain(b.threshold()) : "achieved";
                yield new Result(value, meeting + " of " + members(n) + " " + condition + ": " + meeting + " ÷ " + n + " × 100 = "
                    + Decimals.plain(value) + rounding);
            }
            case MINIMUM -> {
                BigDecimal value = round(values.stream().min(BigDecimal::compareTo).orElseThrow(), places);
                yield new Result(value, "the least of " + members(n) + " = " + Decimals.plain(value));
            }
            case MAXIMUM -> {
                BigDecimal value = round(values.stream().max(BigDecimal::compareTo).orElseThrow(), places);
                yield new Result(value, "the greatest of " + members(n) + " = " + Decimals.plain(value));
            }
        };
    }

    private static boolean meets(IndicatorDefinition def, int fiscalYear, IndicatorChanged.Breakdown b, String cell, Actual actual) {
        if (b.condition() == ShareCondition.AT_LEAST) {
            return actual.value().compareTo(b.threshold()) >= 0;
        }
        return evaluateCell(def, fiscalYear, cell, actual).status() == EvaluationStatus.ACHIEVED;
    }

    private static String members(int n) {
        return n == 1 ? "1 member" : n + " members";
    }

    private static BigDecimal round(BigDecimal value, int places) {
        return value.setScale(places, RoundingMode.HALF_UP);
    }
}
