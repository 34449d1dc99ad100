package io.planeval.evaluation.attainment;

import static io.planeval.evaluation.attainment.MemberFiguresFixtures.area;
import static io.planeval.evaluation.attainment.MemberFiguresFixtures.brokenDown;
import static io.planeval.evaluation.attainment.MemberFiguresFixtures.figures;
import static io.planeval.evaluation.attainment.MemberFiguresFixtures.setting;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.Vocabulary.Aggregation;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.ShareCondition;
import io.planeval.contracts.Vocabulary.WholeFigure;
import io.planeval.support.members.MemberKeys;

/** Each aggregation on hand-computed cases, with members missing and members' own targets. */
class MemberFiguresTest {

    static Actual derive(IndicatorDefinition def, Map<String, Actual> figures) {
        return MemberFigures.whole(def, 2024, figures, null);
    }

    @Test
    void thirtyFourOfThirtyFiveMunicipalitiesAtLeastOneIsNinetySevenPointOneToOnePlace() {
        IndicatorDefinition share = brokenDown("100", WholeFigure.DERIVED, Aggregation.SHARE, ShareCondition.AT_LEAST, "1", 1, List.of(), area(35));
        Map<String, Actual> figures = new HashMap<>();
        for (int i = 1; i <= 35; i++) {
            figures.putAll(figures("m" + i, i == 35 ? "0" : "1"));
        }
        Actual whole = derive(share, figures);
        // 34 ÷ 35 × 100 = 97.142857…, 97.1 to one place, half up.
        assertThat(whole.value()).isEqualByComparingTo("97.1");
        assertThat(whole.status()).isEqualTo(MeasurementStatus.FINAL);
        assertThat(whole.revision()).isZero();
        assertThat(whole.members().formula()).startsWith("34 of 35 members at least 1: 34 ÷ 35 × 100 = 97.1");
        Evaluation e = IndicatorEvaluator.evaluate(share, 2024, whole);
        assertThat(e.status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
        assertThat(e.attainment()).isEqualByComparingTo("97.1");
        // Without a rounding the share keeps six places.
        IndicatorDefinition exact = brokenDown("100", WholeFigure.DERIVED, Aggregation.SHARE, ShareCondition.AT_LEAST, "1", null, List.of(), area(35));
        assertThat(derive(exact, figures).value()).isEqualByComparingTo("97.142857");
    }

    @Test
    void sumMeanMinimumAndMaximum() {
        Map<String, Actual> figures = figures("m1", "10.5", "m2", "20", "m3", "0.25");
        assertThat(derive(brokenDown("1", WholeFigure.DERIVED, Aggregation.SUM, null, null, null, List.of(), area(3)), figures).value())
            .isEqualByComparingTo("30.75");
        // 30.75 ÷ 3 = 10.25
        assertThat(derive(brokenDown("1", WholeFigure.DERIVED, Aggregation.MEAN, null, null, null, List.of(), area(3)), figures).value())
            .isEqualByComparingTo("10.25");
        // 1 ÷ 3 to two places, half up: 0.33
        assertThat(derive(brokenDown("1", WholeFigure.DERIVED, Aggregation.MEAN, null, null, 2, List.of(), area(3)),
            figures("m1", "1", "m2", "0", "m3", "0")).value()).isEqualByComparingTo("0.33");
        assertThat(derive(brokenDown("1", WholeFigure.DERIVED, Aggregation.MINIMUM, null, null, null, List.of(), area(3)), figures).value())
            .isEqualByComparingTo("0.25");
        assertThat(derive(brokenDown("1", WholeFigure.DERIVED, Aggregation.MAXIMUM, null, null, null, List.of(), area(3)), figures).value())
            .isEqualByComparingTo("20");
    }

    @Test
    void aWeightedMeanWeighsEachMember() {
        // (10 × 1 + 40 × 3) ÷ 4 = 32.5
        IndicatorDefinition def = brokenDown("1", WholeFigure.DERIVED, Aggregation.WEIGHTED_MEAN, null, null, null,
            List.of(setting("m1", null, "1"), setting("m2", null, "3")), area(2));
        Actual whole = derive(def, figures("m1", "10", "m2", "40"));
        assertThat(whole.value()).isEqualByComparingTo("32.5");
        assertThat(whole.members().formula()).startsWith("Σ(value × weight) 130 ÷ Σweight 4 = 32.5");
    }

    @Test
    void aShareOfMembersThatAchievedUsesEachMembersOwnTargetWhereItHasOne() {
        // m1 10 ≥ its own 5: achieved; m2 10 < the indicator's 20: not; m3 30 ≥ 20: achieved → 2 of 3 = 66.7
        IndicatorDefinition def = brokenDown("20", WholeFigure.DERIVED, Aggregation.SHARE, ShareCondition.ACHIEVED, null, 1,
            List.of(setting("m1", "5", null)), area(3));
        Map<String, Actual> figures = figures("m1", "10", "m2", "10", "m3", "30");
        assertThat(derive(def, figures).value()).isEqualByComparingTo("66.7");
        Evaluation m1 = MemberFigures.evaluateCell(def, 2024, "area=m1", figures.get("area=m1"));
        assertThat(m1.status()).isEqualTo(EvaluationStatus.ACHIEVED);
        assertThat(m1.working().target().value()).isEqualByComparingTo("5");
        assertThat(m1.attainment()).isEqualByComparingTo("200");
        assertThat(MemberFigures.evaluateCell(def, 2024, "area=m2", figures.get("area=m2")).status()).isEqualTo(EvaluationStatus.NOT_ACHIEVED);
    }

    @Test
    void aDerivedWholeIsBeingTalliedUntilEveryMemberHasAFigureAndAbsentWhileNoneHas() {
        IndicatorDefinition sum = brokenDown("10", WholeFigure.DERIVED, Aggregation.SUM, null, null, null, List.of(), area(3));
        assertThat(derive(sum, Map.of())).isNull();
        Actual partial = derive(sum, figures("m1", "4", "m2", null));
        assertThat(partial.isBeingTallied()).isTrue();
        assertThat(partial.value()).isNull();
        assertThat(partial.members().missing()).containsExactly("area=m2", "area=m3");
        assertThat(partial.members().value()).isEqualByComparingTo("4");
        Evaluation e = IndicatorEvaluator.evaluate(sum, 2024, partial);
        assertThat(e.status()).isEqualTo(EvaluationStatus.BEING_TALLIED);
        assertThat(e.working().reason()).contains("2 of 3 members have no figure yet");
        // Every member in, one preliminary: the whole is preliminary.
        Map<String, Actual> all = new HashMap<>(figures("m1", "4", "m2", "3", "m3", "3"));
        all.put("area=m3", new Actual(9, 2024, 1, new BigDecimal("3"), null, MeasurementStatus.PRELIMINARY, Instant.EPOCH, null, null, null));
        assertThat(derive(sum, all).status()).isEqualTo(MeasurementStatus.PRELIMINARY);
        assertThat(IndicatorEvaluator.evaluate(sum, 2024, derive(sum, all)).status()).isEqualTo(EvaluationStatus.ACHIEVED);
        // A part of a total is not judged by the total's target.
        assertThat(MemberFigures.evaluateCell(sum, 2024, "area=m1", all.get("area=m1")).status()).isEqualTo(EvaluationStatus.NO_TARGET);
    }

    @Test
    void aReportedWholeKeepsItsFigureAndIsFlaggedWhereItsMembersDisagree() {
        IndicatorDefinition sum = brokenDown("10", WholeFigure.REPORTED, Aggregation.SUM, null, null, null, List.of(), area(2));
        Actual reported = new Actual(7, 2024, 2, new BigDecimal("12"), null, MeasurementStatus.FINAL, Instant.EPOCH, null, null, null);
        Actual disagreeing = MemberFigures.whole(sum, 2024, figures("m1", "5", "m2", "6"), reported);
        assertThat(disagreeing.value()).isEqualByComparingTo("12");
        assertThat(disagreeing.revision()).isEqualTo(2);
        assertThat(disagreeing.members().agrees()).isFalse();
        assertThat(MemberFigures.whole(sum, 2024, figures("m1", "5", "m2", "7"), reported).members().agrees()).isTrue();
        // While a member is missing there is nothing to compare.
        assertThat(MemberFigures.whole(sum, 2024, figures("m1", "5"), reported).members().agrees()).isNull();
    }

    @Test
    void cellsAreEveryCombinationOfMembersTheFirstDimensionSlowest() {
        IndicatorChanged.Dimension sex = new IndicatorChanged.Dimension("sex", "性別",
            List.of(new IndicatorChanged.Member("F", "女性"), new IndicatorChanged.Member("M", "男性")));
        IndicatorDefinition def = brokenDown("1", WholeFigure.DERIVED, Aggregation.SUM, null, null, null, List.of(), area(2), sex);
        assertThat(MemberFigures.cells(def.breakdown())).containsExactly("area=m1;sex=F", "area=m1;sex=M", "area=m2;sex=F", "area=m2;sex=M");
        assertThat(MemberKeys.members("area=m2;sex=F")).containsExactly(Map.entry("area", "m2"), Map.entry("sex", "F"));
    }
}
