package io.planeval.evaluation.attainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.Outcome;

class IndicatorEvaluatorTest {

    static IndicatorDefinition numeric(String direction, String method, String target, String baseline) {
        return new IndicatorDefinition("X", "G1", IndicatorKind.KGI, "指標", "件", baseline == null ? null : new BigDecimal(baseline),
            baseline == null ? null : 2019, new BigDecimal(target), null, 2024, Map.of(),
            Vocabulary.parse(Direction.class, direction).orElseThrow(), Vocabulary.parse(Method.class, method).orElseThrow());
    }

    static Actual actual(String value) {
        return new Actual(1, 2024, 1, new BigDecimal(value), null, MeasurementStatus.FINAL, Instant.EPOCH, null, null, null);
    }

    static Evaluation evaluate(IndicatorDefinition def, String value) {
        return IndicatorEvaluator.evaluate(def, 2024, actual(value));
    }

    /**
     * Every value the API accepts (up to 14 digits before the point and 6 after, of either sign where the method takes
     * it) gives an attainment that the read model's numeric(40, 10) holds: at most 30 digits before the point.
     */
    @Test
    void theAttainmentOfEveryAcceptedExtremeFitsTheReadModel() {
        List<String> extremes = List.of("99999999999999.999999", "0.000001", "1", "33938028071123.324503", "0.000031");
        List<String> signed = List.of("-99999999999999.999999", "-0.000001", "99999999999999.999999", "0.000001");
        int evaluated = 0;
        for (String target : extremes) {
            for (String value : extremes) {
                evaluated += fits(numeric("higher_is_better", "ratio", target, null), value);
                evaluated += fits(numeric("lower_is_better", "inverse_ratio", target, null), value);
            }
        }
        for (String target : signed) {
            for (String baseline : signed) {
                for (String value : signed) {
                    if (new BigDecimal(baseline).compareTo(new BigDecimal(target)) < 0) {
                        evaluated += fits(numeric("higher_is_better", "progress_from_baseline", target, baseline), value);
                    }
                }
            }
        }
        assertThat(evaluated).isEqualTo(2 * 25 + 6 * 4);
        Evaluation largest = evaluate(numeric("lower_is_better", "inverse_ratio", "33938028071123.324503", null), "0.000031");
        assertThat(largest.attainment()).isEqualByComparingTo("109477509906849433880.6451612903");
    }

    private static int fits(IndicatorDefinition definition, String value) {
        BigDecimal attainment = evaluate(definition, value).attainment();
        assertThat(attainment).as("%s %s of %s", definition.method(), value, definition.targetValue()).isNotNull();
        assertThat(attainment.precision() - attainment.scale()).as("digits before the point of %s", attainment).isLessThanOrEqualTo(30);
        assertThat(attainment.scale()).isEqualTo(Percent.SCALE);
        return 1;
    }

    @Test
    void kgi3SavedHoursIs189PercentAndNotCapped() {
        Evaluation e = evaluate(numeric("higher_is_better", "ratio", "40000", null), "75608");
        assertThat(e.status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(e.attainment()).isEqualByComparingTo("189.02");
        assertThat(Percent.oneDecimal(e.attainment())).isEqualTo("189%");
        assertThat(e.working().formula()).isEqualTo("75608 ÷ 40000 = 189.02%");
        assertThat(e.working().actual().revision()).isEqualTo(1);
    }

    @Test
    void kgi4IsTwentyFourPointTwoPercentAndNotAchieved() {
        Evaluation e = evaluate(numeric("higher_is_better", "ratio", "1000000", null), "242310");
        assertThat(e.status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
        assertThat(e.attainment()).isEqualByComparingTo("24.231");
        assertThat(Percent.oneDecimal(e.attainment())).isEqualTo("24.2%");
        assertThat(Percent.whole(e.attainment())).isEqualTo("24%");
    }

    @Test
    void kgi1FromThePrintedActualIs74AndFromTheUnroundedOne73Point9() {
        IndicatorDefinition kgi1 = numeric("higher_is_better", "ratio", "30", null);
        assertThat(Percent.oneDecimal(evaluate(kgi1, "22.2").attainment())).isEqualTo("74%");
        assertThat(evaluate(kgi1, "22.2").attainment()).isEqualByComparingTo("74.0");
        assertThat(Percent.oneDecimal(evaluate(kgi1, "22.17").attainment())).isEqualTo("73.9%");
    }

    @Test
    void aQualitativeTargetReportedAchievedCounts100Percent() {
        IndicatorDefinition fund = new IndicatorDefinition("KGI5", "GIII", IndicatorKind.KGI, "財政調整基金の残高", null, null, null, null,
            "増額確保", 2024, Map.of(), Direction.QUALITATIVE, Method.QUALITATIVE);
        Evaluation e = IndicatorEvaluator.evaluate(fund, 2024, new Actual(5, 2024, 1, null, Outcome.ACHIEVED, MeasurementStatus.FINAL, Instant.EPOCH, null, null, null));
        assertThat(e.status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(Percent.whole(e.attainment())).isEqualTo("100%");
        assertThat(e.working().formula()).isEqualTo("増額確保: achieved as reported = 100.00%");
        Evaluation not = IndicatorEvaluator.evaluate(fund, 2024, new Actual(6, 2024, 2, null, Outcome.NOT_ACHIEVED, MeasurementStatus.FINAL, Instant.EPOCH, null, null, null));
        assertThat(not.status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
        assertThat(not.attainment()).isEqualByComparingTo("0");
    }

    @Test
    void overtimeTargetTenActual12Point9LowerIsBetterIsNotAchieved() {
        Evaluation e = evaluate(numeric("lower_is_better", "inverse_ratio", "10", null), "12.9");
        assertThat(e.status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
        assertThat(e.attainment()).isEqualByComparingTo("77.5193798450");
        assertThat(e.working().formula()).isEqualTo("10 ÷ 12.9 = 77.52%");
        assertThat(evaluate(numeric("lower_is_better", "inverse_ratio", "10", null), "9.5").status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(evaluate(numeric("lower_is_better", "inverse_ratio", "10", null), "10").status()).isEqualTo(EvaluationStatus.ACHIEVED);
    }

    @Test
    void progressFromBaselineMeasuresTheDistanceCovered() {
        Evaluation up = evaluate(numeric("higher_is_better", "progress_from_baseline", "80", "50"), "60");
        assertThat(up.attainment()).isEqualByComparingTo("33.3333333333");
        assertThat(up.working().formula()).isEqualTo("(60 − 50) ÷ (80 − 50) = 33.33%");
        Evaluation down = evaluate(numeric("lower_is_better", "progress_from_baseline", "10", "13.5"), "12.9");
        assertThat(down.status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
        assertThat(down.attainment()).isEqualByComparingTo("17.1428571429");
    }

    @Test
    void edgeCasesGiveDefinedAnswers() {
        Evaluation sameAsBaseline = evaluate(numeric("higher_is_better", "progress_from_baseline", "50", "50"), "60");
        assertThat(sameAsBaseline.status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(sameAsBaseline.attainment()).isNull();
        assertThat(sameAsBaseline.working().reason()).contains("target equals the baseline");

        Evaluation targetZero = evaluate(numeric("higher_is_better", "ratio", "0", null), "3");
        assertThat(targetZero.status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(targetZero.attainment()).isNull();
        assertThat(targetZero.working().reason()).isEqualTo("the target is 0, so actual ÷ target is undefined");

        Evaluation actualZero = evaluate(numeric("lower_is_better", "inverse_ratio", "10", null), "0");
        assertThat(actualZero.status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(actualZero.attainment()).isNull();

        Evaluation pastTarget = evaluate(numeric("higher_is_better", "progress_from_baseline", "40", "50"), "45");
        assertThat(pastTarget.status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(pastTarget.attainment()).isNull();
        assertThat(pastTarget.working().reason()).contains("baseline already meets the target");

        // A proportion of a negative value reads nonsense (target −50, actual −25: "50%"): no rate, and why.
        Evaluation negative = evaluate(numeric("higher_is_better", "ratio", "100", null), "-20");
        assertThat(negative.status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
        assertThat(negative.attainment()).isNull();
        assertThat(negative.working().reason()).startsWith("actual ÷ target is a proportion of values 0 or more");
        Evaluation bothNegative = evaluate(numeric("higher_is_better", "ratio", "-50", null), "-25");
        assertThat(bothNegative.status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(bothNegative.attainment()).isNull();
        Evaluation inverseNegative = evaluate(numeric("lower_is_better", "inverse_ratio", "-50", null), "-60");
        assertThat(inverseNegative.attainment()).isNull();
        assertThat(inverseNegative.working().reason()).startsWith("target ÷ actual is a proportion of values 0 or more");
        Evaluation fromBaseline = evaluate(numeric("higher_is_better", "progress_from_baseline", "0", "-115"), "-20");
        assertThat(fromBaseline.attainment()).isEqualByComparingTo("82.6086956522");
    }

    @Test
    void noActualOrOneBeingTalliedIsBeingTallied() {
        IndicatorDefinition kgi2 = numeric("higher_is_better", "ratio", "50000", null);
        assertThat(IndicatorEvaluator.evaluate(kgi2, 2024, null).status()).isEqualTo(EvaluationStatus.BEING_TALLIED);
        Evaluation tallied = IndicatorEvaluator.evaluate(kgi2, 2024, new Actual(2, 2024, 1, null, null, MeasurementStatus.BEING_TALLIED, Instant.EPOCH, null, null, null));
        assertThat(tallied.status()).isEqualTo(EvaluationStatus.BEING_TALLIED);
        assertThat(tallied.attainment()).isNull();
        assertThat(IndicatorEvaluator.evaluate(kgi2, 2024, new Actual(2, 2024, 1, new BigDecimal("1"), null, MeasurementStatus.PRELIMINARY, Instant.EPOCH, null, null, null))
            .status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
    }

    @Test
    void withoutATargetForTheYearThereIsNoTarget() {
        IndicatorDefinition highlight = new IndicatorDefinition("HL", "G1", IndicatorKind.KPI, "電子化率", "％", new BigDecimal("7"), 2019,
            null, null, null, Map.of(), Direction.HIGHER_IS_BETTER, Method.RATIO);
        assertThat(IndicatorEvaluator.evaluate(highlight, 2024, actual("100")).status()).isEqualTo(EvaluationStatus.NO_TARGET);
        assertThat(IndicatorEvaluator.evaluate(numeric("higher_is_better", "ratio", "10", null), 2022, actual("3")).status())
            .isEqualTo(EvaluationStatus.NO_TARGET);
    }

    @Test
    void milestonesJudgeTheirYearAndSayWhetherItIsOnTrack() {
        IndicatorDefinition def = new IndicatorDefinition("M", "G1", IndicatorKind.KPI, "件数", "件", null, null, new BigDecimal("100"), null,
            2024, Map.of(2022, new BigDecimal("60"), 2023, new BigDecimal("80")), Direction.HIGHER_IS_BETTER, Method.RATIO);
        Evaluation onTrack = IndicatorEvaluator.evaluate(def, 2022, new Actual(1, 2022, 1, new BigDecimal("65"), null, MeasurementStatus.FINAL, Instant.EPOCH, null, null, null));
        assertThat(onTrack.onTrack()).isTrue();
        assertThat(onTrack.working().target().milestone()).isTrue();
        assertThat(onTrack.attainment()).isEqualByComparingTo("108.3333333333");
        Evaluation behind = IndicatorEvaluator.evaluate(def, 2023, new Actual(2, 2023, 1, new BigDecimal("70"), null, MeasurementStatus.FINAL, Instant.EPOCH, null, null, null));
        assertThat(behind.onTrack()).isFalse();
        assertThat(behind.status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
        assertThat(evaluate(def, "100").onTrack()).isNull();
    }
}
