package io.planeval.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChartTest {

    @Test
    void yearsSpanThePlanAndThePathAndHigherValuesAreDrawnHigher() {
        Chart chart = Chart.of(2020, 2024, Map.of(2020, new BigDecimal("100"), 2024, new BigDecimal("200")),
            Map.of(2019, new BigDecimal("50"), 2024, new BigDecimal("300")), year -> "FY" + year);

        assertThat(chart.years()).extracting(Chart.Tick::label).containsExactly("FY2019", "FY2020", "FY2021", "FY2022", "FY2023", "FY2024");
        assertThat(chart.path().get(0).x()).isEqualTo("70.0");
        assertThat(chart.path().get(1).x()).isEqualTo("620.0");
        assertThat(Double.parseDouble(chart.actuals().get(1).y())).isLessThan(Double.parseDouble(chart.actuals().get(0).y()));
        assertThat(Double.parseDouble(chart.path().get(1).y())).isLessThan(Double.parseDouble(chart.actuals().get(1).y()));
        assertThat(chart.actualLine()).startsWith("M180.0 ").contains(" L620.0 ");
        assertThat(chart.actuals()).extracting(Chart.Mark::value).containsExactly("100", "200");
    }

    @Test
    void nothingToDrawIsNoChart() {
        assertThat(Chart.of(2020, 2024, Map.of(), Map.of(), year -> "FY" + year)).isNull();
    }

    @Test
    void negativeValuesStayInsideTheChart() {
        Chart chart = Chart.of(2020, 2021, Map.of(2020, new BigDecimal("-30"), 2021, new BigDecimal("10")), Map.of(), year -> "" + year);
        for (Chart.Mark mark : chart.actuals()) {
            assertThat(Double.parseDouble(mark.y())).isBetween(0.0, (double) Chart.HEIGHT);
        }
    }
}
