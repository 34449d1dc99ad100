package io.planeval.evaluation.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.ForecastVerdict;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.evaluation.attainment.IndicatorDefinition;

/** Forecasts worked by hand: the sums, the line and the path are written out in each case. */
class ForecasterTest {

    static IndicatorDefinition numeric(String baseline, Integer baselineYear, String target, Map<Integer, BigDecimal> milestones,
                                       Direction direction) {
        return new IndicatorDefinition("KGI1", "GI", IndicatorKind.KGI, "テスト指標", "件", baseline == null ? null : new BigDecimal(baseline),
            baselineYear, new BigDecimal(target), null, 2024, milestones, direction,
            direction == Direction.LOWER_IS_BETTER ? Method.INVERSE_RATIO : Method.RATIO);
    }

    static Map<Integer, BigDecimal> actuals(Object... yearsAndValues) {
        java.util.Map<Integer, BigDecimal> map = new java.util.HashMap<>();
        for (int i = 0; i < yearsAndValues.length; i += 2) {
            map.put((Integer) yearsAndValues[i], new BigDecimal((String) yearsAndValues[i + 1]));
        }
        return map;
    }

    @Test
    void aSteadyClimbFromTheBaselineReachesTheTargetOnTrack() {
        // (2019, 100), (2020, 120), (2021, 140), (2022, 160): a straight line of 20 a year; 2024 → 200 = the target.
        Forecaster.Forecast f = Forecaster.forecast(numeric("100", 2019, "200", null, Direction.HIGHER_IS_BETTER),
            actuals(2020, "120", 2021, "140", 2022, "160"));
        assertThat(f.verdict()).isEqualTo(ForecastVerdict.ON_TRACK);
        assertThat(f.slopePerYear()).isEqualByComparingTo("20");
        assertThat(f.projected()).isEqualByComparingTo("200");
        assertThat(f.points()).extracting(Forecaster.Point::fiscalYear).containsExactly(2019, 2020, 2021, 2022);
        assertThat(f.formula()).isEqualTo("least squares through 4 points, 2019–2022: 20 a year; 2024 → 200 against the target 200");
        assertThat(f.reason()).isNull();
        // A chart draws the line from its first point to the target's year.
        assertThat(f.line()).containsOnlyKeys(2019, 2024);
        assertThat(f.line().get(2019)).isEqualByComparingTo("100");
        assertThat(f.line().get(2024)).isEqualByComparingTo("200");
    }

    @Test
    void aFlatteningTrendStillOnTheRequiredPathIsAtRisk() {
        // No baseline; milestone 160 in 2022, target 200 in 2024. Actuals 150, 158, 162 (2020–2022):
        // x̄ = 2021, ȳ = 470/3; Σ(x−x̄)(y−ȳ) = (−1)(−20/3) + 0 + (1)(16/3) = 12, Σ(x−x̄)² = 2, slope 6;
        // 2024 → 470/3 + 6 × 3 = 524/3 = 174.666667 < 200. The path starts at the milestone: 2022 → 160, and 162 ≥ 160.
        Forecaster.Forecast f = Forecaster.forecast(numeric(null, null, "200", Map.of(2022, new BigDecimal("160")), Direction.HIGHER_IS_BETTER),
            actuals(2020, "150", 2021, "158", 2022, "162"));
        assertThat(f.slopePerYear()).isEqualByComparingTo("6");
        assertThat(f.projected()).isEqualByComparingTo("174.666667");
        assertThat(f.requiredAtLatest()).isEqualByComparingTo("160");
        assertThat(f.verdict()).isEqualTo(ForecastVerdict.AT_RISK);
        assertThat(f.reason()).isEqualTo("the trend misses the target, though 2022's 162 is on the required path (160)");
    }

    @Test
    void aTrendThatMissesWithTheLatestBehindThePathIsOffTrack() {
        // Baseline 100 (2019) → target 200 (2024): the path in 2022 is 100 + 100 × 3/5 = 160, and 155 is behind it.
        Forecaster.Forecast f = Forecaster.forecast(numeric("100", 2019, "200", null, Direction.HIGHER_IS_BETTER),
            actuals(2020, "150", 2021, "152", 2022, "155"));
        // Points (2019, 100), (2020, 150), (2021, 152), (2022, 155): x̄ = 2020.5, ȳ = 557/4 = 139.25;
        // Σ(x−x̄)(y−ȳ) = (−1.5)(−39.25) + (−0.5)(10.75) + (0.5)(12.75) + (1.5)(15.75) = 58.875 − 5.375 + 6.375 + 23.625 = 83.5;
        // Σ(x−x̄)² = 5; slope 16.7; 2024 → 139.25 + 16.7 × 3.5 = 197.7, short of 200.
        assertThat(f.slopePerYear()).isEqualByComparingTo("16.7");
        assertThat(f.projected()).isEqualByComparingTo("197.7");
        assertThat(f.requiredAtLatest()).isEqualByComparingTo("160");
        assertThat(f.verdict()).isEqualTo(ForecastVerdict.OFF_TRACK);
        assertThat(f.requiredPath()).extracting(Forecaster.Point::fiscalYear).containsExactly(2019, 2024);
    }

    @Test
    void lowerIsBetterMeetsTheTargetAtOrBelowIt() {
        // (2019, 20), (2020, 18), (2021, 16): slope −2; 2024 → 10 = the target, which lower-is-better meets.
        Forecaster.Forecast f = Forecaster.forecast(numeric("20", 2019, "10", null, Direction.LOWER_IS_BETTER),
            actuals(2020, "18", 2021, "16"));
        assertThat(f.slopePerYear()).isEqualByComparingTo("-2");
        assertThat(f.projected()).isEqualByComparingTo("10");
        assertThat(f.verdict()).isEqualTo(ForecastVerdict.ON_TRACK);
        // Worse than the path: 2021's 17 against 20 − 10 × 2/5 = 16.
        Forecaster.Forecast behind = Forecaster.forecast(numeric("20", 2019, "10", null, Direction.LOWER_IS_BETTER),
            actuals(2020, "19", 2021, "17"));
        assertThat(behind.requiredAtLatest()).isEqualByComparingTo("16");
        assertThat(behind.verdict()).isEqualTo(ForecastVerdict.OFF_TRACK);
    }

    @Test
    void withoutTwoPointsOrANumericTargetThereIsNoVerdict() {
        assertThat(Forecaster.forecast(numeric("100", 2019, "200", null, Direction.HIGHER_IS_BETTER), Map.of()).verdict())
            .isEqualTo(ForecastVerdict.INSUFFICIENT_DATA);
        // One actual and no baseline: one point. Actuals after the target's year do not count.
        Forecaster.Forecast one = Forecaster.forecast(numeric(null, null, "200", null, Direction.HIGHER_IS_BETTER),
            actuals(2021, "150", 2025, "300"));
        assertThat(one.verdict()).isEqualTo(ForecastVerdict.INSUFFICIENT_DATA);
        assertThat(one.line()).as("no trend, no line").isEmpty();
        assertThat(one.reason()).contains("there is 1");
        IndicatorDefinition qualitative = new IndicatorDefinition("KGI5", "GIII", IndicatorKind.KGI, "財政調整基金の残高", null, null, null,
            null, "増額確保", 2024, null, Direction.QUALITATIVE, Method.QUALITATIVE);
        assertThat(Forecaster.forecast(qualitative, Map.of()).verdict()).isEqualTo(ForecastVerdict.INSUFFICIENT_DATA);
    }

    @Test
    void theRequiredPathRunsStraightBetweenBaselineMilestonesAndTarget() {
        List<Forecaster.Point> path = Forecaster.requiredPath(numeric("100", 2019, "200",
            Map.of(2018, new BigDecimal("90"), 2021, new BigDecimal("150")), Direction.HIGHER_IS_BETTER));
        // A milestone before the baseline is not on the path.
        assertThat(path).extracting(Forecaster.Point::fiscalYear).containsExactly(2019, 2021, 2024);
        assertThat(Forecaster.valueAt(path, 2020)).isEqualByComparingTo("125");
        assertThat(Forecaster.valueAt(path, 2022)).isEqualByComparingTo("166.666667");
        assertThat(Forecaster.valueAt(path, 2018)).isNull();
        assertThat(Forecaster.valueAt(path, 2025)).isNull();
    }
}
