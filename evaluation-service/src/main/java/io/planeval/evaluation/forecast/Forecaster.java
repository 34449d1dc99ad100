package io.planeval.evaluation.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.ForecastVerdict;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.support.decimal.Decimals;

/**
 * Whether a numeric indicator will reach its final target, in plain Java and exact decimals. The projection is the
 * least-squares line through the baseline and the yearly actuals since (at least two points), read at the target's
 * year. The required path runs straight from the baseline through each milestone to the target. The verdict:
 * <ul>
 *   <li>{@code on_track}: the projection meets the target;</li>
 *   <li>{@code at_risk}: it misses, but the latest actual is on or ahead of the required path for its year;</li>
 *   <li>{@code off_track}: it misses and the latest actual is behind the path (or there is no path for its year);</li>
 *   <li>{@code insufficient_data}: qualitative, no numeric final target, or fewer than two points.</li>
 * </ul>
 */
public final class Forecaster {

    /** Decimal places of projections, slopes and path values (those of a measured value). */
    public static final int SCALE = 6;

    private Forecaster() {
    }

    public record Point(int fiscalYear, BigDecimal value) {
    }

    /** A forecast with its working; the figures are null where the verdict is insufficient_data. */
    public record Forecast(
        IndicatorDefinition indicator,
        ForecastVerdict verdict,
        List<Point> points,
        BigDecimal slopePerYear,
        BigDecimal projected,
        List<Point> requiredPath,
        Point latest,
        BigDecimal requiredAtLatest,
        String formula,
        String reason) {

        /**
         * The trend as a chart draws it: its value at the first point's year and at the target's year, or nothing
         * where there is no trend.
         */
        public Map<Integer, BigDecimal> line() {
            if (projected == null) {
                return Map.of();
            }
            int from = points.get(0).fiscalYear();
            int to = indicator.targetFiscalYear();
            return Map.of(from, projected.subtract(slopePerYear.multiply(BigDecimal.valueOf(to - from))), to, projected);
        }
    }

    /** The forecast from the whole-year actuals by fiscal year (figures being tallied left out by the caller). */
    public static Forecast forecast(IndicatorDefinition def, Map<Integer, BigDecimal> actuals) {
        if (def.direction() == Direction.QUALITATIVE) {
            return insufficient(def, List.of(), "a qualitative indicator has no figures to draw a line through");
        }
        if (def.targetValue() == null || def.targetFiscalYear() == null) {
            return insufficient(def, List.of(), "the indicator has no numeric final target");
        }
        int targetYear = def.targetFiscalYear();
        List<Point> points = points(def, actuals, targetYear);
        if (points.size() < 2) {
            return insufficient(def, points, "a line needs at least two points (the baseline and yearly actuals up to "
                + targetYear + "); there " + (points.size() == 1 ? "is 1" : "are none"));
        }
        BigDecimal n = BigDecimal.valueOf(points.size());
        BigDecimal sumX = BigDecimal.ZERO;
        BigDecimal sumY = BigDecimal.ZERO;
        BigDecimal sumXY = BigDecimal.ZERO;
        BigDecimal sumXX = BigDecimal.ZERO;
        for (Point p : points) {
            BigDecimal x = BigDecimal.valueOf(p.fiscalYear());
            sumX = sumX.add(x);
            sumY = sumY.add(p.value());
            sumXY = sumXY.add(x.multiply(p.value()));
            sumXX = sumXX.add(x.multiply(x));
        }
        // Exact sums, one division each: slope = (nΣxy − ΣxΣy) ÷ (nΣx² − (Σx)²), read at T through (x̄, ȳ).
        BigDecimal d = n.multiply(sumXX).subtract(sumX.multiply(sumX));
        BigDecimal slopeNumerator = n.multiply(sumXY).subtract(sumX.multiply(sumY));
        BigDecimal slope = slopeNumerator.divide(d, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal projected = sumY.multiply(d)
            .add(slopeNumerator.multiply(n.multiply(BigDecimal.valueOf(targetYear)).subtract(sumX)))
            .divide(n.multiply(d), SCALE, RoundingMode.HALF_EVEN);
        List<Point> path = requiredPath(def);
        Point latest = points.get(points.size() - 1);
        BigDecimal required = valueAt(path, latest.fiscalYear());
        String formula = "least squares through " + points.size() + " points, " + points.get(0).fiscalYear() + "–"
            + latest.fiscalYear() + ": " + Decimals.plain(slope) + " a year; " + targetYear + " → " + Decimals.plain(projected) + " against the target "
            + Decimals.plain(def.targetValue());
        ForecastVerdict verdict;
        String reason;
        if (meets(def, projected, def.targetValue())) {
            verdict = ForecastVerdict.ON_TRACK;
            reason = null;
        } else if (required != null && meets(def, latest.value(), required)) {
            verdict = ForecastVerdict.AT_RISK;
            reason = "the trend misses the target, though " + latest.fiscalYear() + "'s " + Decimals.plain(latest.value())
                + " is on the required path (" + Decimals.plain(required) + ")";
        } else {
            verdict = ForecastVerdict.OFF_TRACK;
            reason = required == null ? "the trend misses the target, and no required path runs through " + latest.fiscalYear()
                : "the trend misses the target, and " + latest.fiscalYear() + "'s " + Decimals.plain(latest.value())
                    + " is behind the required path (" + Decimals.plain(required) + ")";
        }
        return new Forecast(def, verdict, points, slope, projected, path, latest, required, formula, reason);
    }

    /** The baseline (where it comes before every actual used) and the actuals after it, up to the target's year. */
    static List<Point> points(IndicatorDefinition def, Map<Integer, BigDecimal> actuals, int targetYear) {
        Integer baselineYear = def.baselineValue() == null ? null : def.baselineFiscalYear();
        TreeMap<Integer, BigDecimal> byYear = new TreeMap<>();
        actuals.forEach((year, value) -> {
            if (value != null && year <= targetYear && (baselineYear == null || year > baselineYear)) {
                byYear.put(year, value);
            }
        });
        if (baselineYear != null && baselineYear < targetYear) {
            byYear.put(baselineYear, def.baselineValue());
        }
        List<Point> points = new ArrayList<>();
        byYear.forEach((year, value) -> points.add(new Point(year, value)));
        return points;
    }

    /** Baseline → milestones → final target, in year order (without a baseline it starts at the first milestone). */
    static List<Point> requiredPath(IndicatorDefinition def) {
        TreeMap<Integer, BigDecimal> byYear = new TreeMap<>();
        if (def.milestones() != null) {
            def.milestones().forEach((year, value) -> {
                if (value != null && year < def.targetFiscalYear()) {
                    byYear.put(year, value);
                }
            });
        }
        if (def.baselineValue() != null && def.baselineFiscalYear() != null && def.baselineFiscalYear() < def.targetFiscalYear()) {
            byYear.headMap(def.baselineFiscalYear(), true).clear();
            byYear.put(def.baselineFiscalYear(), def.baselineValue());
        }
        byYear.put(def.targetFiscalYear(), def.targetValue());
        List<Point> path = new ArrayList<>();
        byYear.forEach((year, value) -> path.add(new Point(year, value)));
        return path;
    }

    /** The path's value for a year, straight between its points; null outside it. */
    static BigDecimal valueAt(List<Point> path, int year) {
        for (int i = 0; i < path.size(); i++) {
            Point p = path.get(i);
            if (p.fiscalYear() == year) {
                return p.value();
            }
            if (p.fiscalYear() > year) {
                if (i == 0) {
                    return null;
                }
                Point before = path.get(i - 1);
                return before.value().add(p.value().subtract(before.value())
                    .multiply(BigDecimal.valueOf(year - before.fiscalYear()))
                    .divide(BigDecimal.valueOf(p.fiscalYear() - before.fiscalYear()), SCALE, RoundingMode.HALF_EVEN));
            }
        }
        return null;
    }

    private static boolean meets(IndicatorDefinition def, BigDecimal value, BigDecimal goal) {
        int comparison = value.compareTo(goal);
        return def.direction() == Direction.LOWER_IS_BETTER ? comparison <= 0 : comparison >= 0;
    }

    private static Forecast insufficient(IndicatorDefinition def, List<Point> points, String reason) {
        return new Forecast(def, ForecastVerdict.INSUFFICIENT_DATA, points, null, null, List.of(), null, null, null, reason);
    }
}
