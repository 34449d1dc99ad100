package io.planeval.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.IndicatorDefinition;

class ChartTest {

    @Test
    void yearsSpanThePlanAndThePathAndHigherValuesAreDrawnHigher() {
        Chart chart = Chart.of(2020, 2024, Map.of(2020, new BigDecimal("100"), 2024, new BigDecimal("200")),
            Map.of(2019, new BigDecimal("50"), 2024, new BigDecimal("300")), Map.of(), null, year -> "FY" + year);

        assertThat(chart.years()).extracting(Chart.Tick::label).containsExactly("FY2019", "FY2020", "FY2021", "FY2022", "FY2023", "FY2024");
        assertThat(chart.path().get(0).x()).isEqualTo("70.0");
        assertThat(chart.path().get(1).x()).isEqualTo("600.0");
        assertThat(Double.parseDouble(chart.actuals().get(1).y())).isLessThan(Double.parseDouble(chart.actuals().get(0).y()));
        assertThat(Double.parseDouble(chart.path().get(1).y())).isLessThan(Double.parseDouble(chart.actuals().get(1).y()));
        assertThat(chart.actualLine()).startsWith("M176.0 ").contains(" L600.0 ");
        assertThat(chart.actuals()).extracting(Chart.Mark::value).containsExactly("100", "200");
    }

    /** KGI② of the end-to-end run: 52000 final, then reported as being tallied again. The year has no point now. */
    @Test
    void aYearWhoseLastRevisionHasNoFigureHasNoPoint() {
        IndicatorDefinition kgi2 = new IndicatorDefinition("KGI2", "GI", IndicatorKind.KGI, "民間活力の活用によるコスト削減額", "千円/年", null, null,
            new BigDecimal("50000"), null, 2024, Map.of(), Direction.HIGHER_IS_BETTER, null);
        List<Actual> revisions = List.of(
            revision(2023, 1, "41000", MeasurementStatus.FINAL),
            revision(2024, 1, null, MeasurementStatus.BEING_TALLIED),
            revision(2024, 2, "52000", MeasurementStatus.FINAL),
            revision(2024, 3, null, MeasurementStatus.BEING_TALLIED));
        Chart chart = Chart.ofIndicator(2020, 2024, kgi2, revisions, Map.of(), year -> "FY" + year);
        assertThat(chart.actuals()).extracting(Chart.Mark::fiscalYear).containsExactly(2023);
        Chart corrected = Chart.ofIndicator(2020, 2024, kgi2, revisions.subList(0, 3), Map.of(), year -> "FY" + year);
        assertThat(corrected.actuals()).extracting(Chart.Mark::value).containsExactly("41000", "52000");
    }

    private static Actual revision(int year, int number, String value, MeasurementStatus status) {
        return new Actual(number, year, number, value == null ? null : new BigDecimal(value), null, status, Instant.EPOCH, null, null, null);
    }

    @Test
    void nothingToDrawIsNoChart() {
        assertThat(Chart.of(2020, 2024, Map.of(), Map.of(), Map.of(), null, year -> "FY" + year)).isNull();
    }

    @Test
    void negativeValuesStayInsideTheChart() {
        Chart chart = Chart.of(2020, 2021, Map.of(2020, new BigDecimal("-30"), 2021, new BigDecimal("10")), Map.of(), Map.of(), null, year -> "" + year);
        for (Chart.Mark mark : chart.actuals()) {
            assertThat(Double.parseDouble(mark.y())).isBetween(0.0, (double) Chart.HEIGHT);
        }
    }

    /** The trend runs dotted to the target's year, and the unit heads the value axis above its top label. */
    @Test
    void theTrendAndTheUnitAreDrawn() {
        Chart chart = Chart.of(2020, 2024, Map.of(2020, new BigDecimal("100"), 2022, new BigDecimal("150")),
            Map.of(2024, new BigDecimal("300")), Map.of(2020, new BigDecimal("100"), 2024, new BigDecimal("250")), "件", year -> "FY" + year);
        assertThat(chart.forecast()).extracting(Chart.Mark::value).containsExactly("100", "250");
        assertThat(chart.forecastLine()).startsWith("M70.0 ").contains(" L600.0 ");
        // Below the target's mark: the trend falls short.
        assertThat(Double.parseDouble(chart.forecast().get(1).y())).isGreaterThan(Double.parseDouble(chart.path().get(0).y()));
        assertThat(chart.unit().label()).isEqualTo("件");
        assertThat(Double.parseDouble(chart.unit().y())).isLessThan(Double.parseDouble(chart.values().get(chart.values().size() - 1).y()));
        assertThat(Chart.of(2020, 2024, Map.of(2020, BigDecimal.ONE), Map.of(), Map.of(), " ", year -> "FY" + year).unit()).isNull();
    }

    /** Axes read in round numbers: a step of 1, 2, 2.5 or 5 times a power of ten, from a multiple of it below the lowest mark. */
    @Test
    void theValueAxisHasRoundTicks() {
        Chart chart = Chart.of(2020, 2024, Map.of(2020, new BigDecimal("20792"), 2024, new BigDecimal("75608")),
            Map.of(2024, new BigDecimal("40000")), Map.of(), null, year -> "FY" + year);
        assertThat(chart.values()).extracting(Chart.Tick::label).containsExactly("0", "20,000", "40,000", "60,000", "80,000");
        assertThat(Chart.niceStep(new BigDecimal("1"))).isEqualByComparingTo("0.25");
        assertThat(Chart.niceStep(new BigDecimal("97.1"))).isEqualByComparingTo("25");
        assertThat(Chart.niceStep(new BigDecimal("1000000"))).isEqualByComparingTo("250000");
    }
}
