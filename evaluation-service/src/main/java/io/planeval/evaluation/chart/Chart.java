package io.planeval.evaluation.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.report.FigureText;

/**
 * An indicator's actuals across fiscal years against its path to the target (baseline, milestones, target) and, where
 * there is one, the trend projected to the target's year, laid out on a canvas of fixed size: plain geometry, so it can be checked without a browser. The dashboard draws it as
 * SVG and the committee's pack as a picture ({@link ChartPicture}); both from this one layout.
 */
public record Chart(int width, int height, List<Mark> actuals, String actualLine, List<Mark> path, String pathLine,
                    List<Mark> forecast, String forecastLine, List<Tick> years, List<Tick> values, Tick unit) {

    /** A point: its year and value as text, and where it is drawn. */
    public record Mark(int fiscalYear, String value, String x, String y) {
    }

    /** An axis label and where it is drawn. */
    public record Tick(String label, String x, String y) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 70;
    /** Room for half the last year's label (令和6年度), which is centred on its year. */
    static final int RIGHT = 40;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    /** Where the horizontal grid lines end. */
    public int gridEnd() {
        return width - RIGHT;
    }

    /**
     * The chart of an indicator over the plan's years {@code first}–{@code last}: its counted actuals (a year's last
     * counted revision in {@code revisions}, which come oldest first, where it has a figure) against its baseline,
     * milestones and target, with the projected trend ({@code projection}: year to value, empty for none) and the unit
     * on the value axis; null when there is nothing to draw.
     */
    public static Chart ofIndicator(int first, int last, IndicatorDefinition definition, List<Actual> revisions,
                                    Map<Integer, BigDecimal> projection, IntFunction<String> yearLabel) {
        // A year's point is its last counted revision: none where that one has no figure (being tallied, qualitative).
        Map<Integer, BigDecimal> actualByYear = new TreeMap<>();
        revisions.stream().filter(Actual::counts).forEach(r -> {
            if (r.value() == null || r.isBeingTallied()) {
                actualByYear.remove(r.fiscalYear());
            } else {
                actualByYear.put(r.fiscalYear(), r.value());
            }
        });
        Map<Integer, BigDecimal> path = new TreeMap<>(definition.milestones());
        if (definition.baselineValue() != null && definition.baselineFiscalYear() != null) {
            path.put(definition.baselineFiscalYear(), definition.baselineValue());
        }
        if (definition.targetValue() != null && definition.targetFiscalYear() != null) {
            path.put(definition.targetFiscalYear(), definition.targetValue());
        }
        return of(first, last, actualByYear, path, projection, definition.unit(), yearLabel);
    }

    /**
     * The chart of the years {@code first}–{@code last} (widened to take in the baseline and target years), or null
     * when there is nothing to draw. Years are labelled by {@code yearLabel}; the unit (null: none) heads the value axis.
     */
    public static Chart of(int first, int last, Map<Integer, BigDecimal> actualByYear, Map<Integer, BigDecimal> pathByYear,
                           Map<Integer, BigDecimal> projection, String unit, IntFunction<String> yearLabel) {
        Map<Integer, BigDecimal> actual = new TreeMap<>(actualByYear);
        Map<Integer, BigDecimal> path = new TreeMap<>(pathByYear);
        Map<Integer, BigDecimal> forecast = new TreeMap<>(projection);
        if (actual.isEmpty() && path.isEmpty()) {
            return null;
        }
        int from = first;
        int to = last;
        for (int year : actual.keySet()) {
            from = Math.min(from, year);
            to = Math.max(to, year);
        }
        for (int year : path.keySet()) {
            from = Math.min(from, year);
            to = Math.max(to, year);
        }
        for (int year : forecast.keySet()) {
            from = Math.min(from, year);
            to = Math.max(to, year);
        }
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        List<BigDecimal> all = new ArrayList<>(actual.values());
        all.addAll(path.values());
        all.addAll(forecast.values());
        for (BigDecimal value : all) {
            low = low.min(value);
            high = high.max(value);
        }
        if (high.compareTo(low) == 0) {
            high = low.add(BigDecimal.ONE);
        }
        BigDecimal step = niceStep(high.subtract(low));
        BigDecimal bottom = low.divide(step, 0, RoundingMode.FLOOR).multiply(step);
        BigDecimal top = high.divide(step, 0, RoundingMode.CEILING).multiply(step);
        if (top.compareTo(high) == 0) {
            top = top.add(step); // headroom above the highest mark
        }
        Scale scale = new Scale(from, to, bottom.doubleValue(), top.doubleValue());
        List<Mark> actualMarks = marks(actual, scale);
        List<Mark> pathMarks = marks(path, scale);
        List<Mark> forecastMarks = marks(forecast, scale);
        List<Tick> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            years.add(new Tick(yearLabel.apply(year), scale.x(year), Integer.toString(HEIGHT - BOTTOM + 18)));
        }
        List<Tick> values = new ArrayList<>();
        for (BigDecimal value = bottom; value.compareTo(top) <= 0; value = value.add(step)) {
            values.add(new Tick(FigureText.grouped(value), Integer.toString(LEFT - 8), scale.y(value.doubleValue())));
        }
        // The unit heads the value axis, above its top label.
        Tick unitTick = unit == null || unit.isBlank() ? null : new Tick(unit, Integer.toString(LEFT - 8), Integer.toString(TOP - 10));
        return new Chart(WIDTH, HEIGHT, actualMarks, line(actualMarks), pathMarks, line(pathMarks), forecastMarks, line(forecastMarks),
            years, values, unitTick);
    }

    /** A round step (1, 2, 2.5 or 5 times a power of ten) that cuts the span into four to six parts, as people read axes. */
    static BigDecimal niceStep(BigDecimal span) {
        BigDecimal quarter = span.divide(BigDecimal.valueOf(4), MathContext.DECIMAL64);
        int exponent = quarter.precision() - quarter.scale() - 1;
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        for (String mantissa : List.of("1", "2", "2.5", "5", "10")) {
            BigDecimal step = new BigDecimal(mantissa).multiply(power);
            if (step.compareTo(quarter) >= 0) {
                return step.stripTrailingZeros();
            }
        }
        return BigDecimal.TEN.multiply(power);
    }

    private static List<Mark> marks(Map<Integer, BigDecimal> values, Scale scale) {
        return values.entrySet().stream().map(e -> new Mark(e.getKey(), e.getValue().stripTrailingZeros().toPlainString(),
            scale.x(e.getKey()), scale.y(e.getValue().doubleValue()))).toList();
    }

    private static String line(List<Mark> marks) {
        StringBuilder d = new StringBuilder();
        for (Mark mark : marks) {
            d.append(d.length() == 0 ? "M" : " L").append(mark.x()).append(' ').append(mark.y());
        }
        return d.toString();
    }

    private record Scale(int from, int to, double low, double high) {

        String x(int year) {
            double span = Math.max(1, to - from);
            return format(LEFT + (WIDTH - LEFT - RIGHT) * (year - from) / span);
        }

        String y(double value) {
            return format(TOP + (HEIGHT - TOP - BOTTOM) * (high - value) / (high - low));
        }

        private static String format(double coordinate) {
            return BigDecimal.valueOf(coordinate).setScale(1, RoundingMode.HALF_UP).toPlainString();
        }
    }
}
