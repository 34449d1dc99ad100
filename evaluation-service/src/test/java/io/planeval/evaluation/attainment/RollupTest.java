package io.planeval.evaluation.attainment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.Method;

class RollupTest {

    static final List<PlanNode> NODES = List.of(
        new PlanNode("GI", "目標Ⅰ", "DX", 1, "目標", null, 1),
        new PlanNode("GII", "目標Ⅱ", "働き方", 1, "目標", null, 2),
        new PlanNode("GIII", "目標Ⅲ", "財政", 1, "目標", null, 3));

    static Evaluation kpi(String node, int i, EvaluationStatus status) {
        IndicatorDefinition def = new IndicatorDefinition(node + "-" + status + "-" + i, node, IndicatorKind.KPI, "KPI", "件", null, null,
            BigDecimal.TEN, null, 2024, Map.of(), Direction.HIGHER_IS_BETTER, Method.RATIO);
        return new Evaluation(def, 2024, status, null, null, null);
    }

    static List<Evaluation> goal(String node, int achieved, int notAchieved, int tallying) {
        List<Evaluation> all = new ArrayList<>();
        for (int i = 0; i < achieved; i++) {
            all.add(kpi(node, i, EvaluationStatus.ACHIEVED));
        }
        for (int i = 0; i < notAchieved; i++) {
            all.add(kpi(node, i, EvaluationStatus.NOT_ACHIEVED));
        }
        for (int i = 0; i < tallying; i++) {
            all.add(kpi(node, i, EvaluationStatus.BEING_TALLIED));
        }
        return all;
    }

    static Evaluation kgi(String code, String node, EvaluationStatus status, String attainment) {
        IndicatorDefinition def = new IndicatorDefinition(code, node, IndicatorKind.KGI, "KGI", "％", null, null, BigDecimal.TEN, null, 2024,
            Map.of(), Direction.HIGHER_IS_BETTER, Method.RATIO);
        return new Evaluation(def, 2024, status, attainment == null ? null : new BigDecimal(attainment), null, null);
    }

    @Test
    void reproducesTheCommitteesKpiAchievementRates() {
        List<Evaluation> all = new ArrayList<>();
        all.addAll(goal("GI", 12, 7, 1));
        all.addAll(goal("GII", 15, 4, 3));
        all.addAll(goal("GIII", 25, 10, 1));
        Rollup.PlanRollup plan = Rollup.of(NODES, all);

        assertThat(plan.roots()).extracting(r -> r.kpis().achieved(), r -> r.kpis().notAchieved(), r -> r.kpis().beingTallied())
            .containsExactly(tuple(12, 7, 1), tuple(15, 4, 3),
                tuple(25, 10, 1));
        assertThat(plan.roots()).extracting(r -> Percent.whole(r.kpiAchievementRate())).containsExactly("63%", "79%", "71%");
        assertThat(plan.roots().get(0).kpiAchievementRate()).isEqualByComparingTo("63.1578947368");
        assertThat(plan.totals().kpis().total()).isEqualTo(78);
        assertThat(plan.totals().kpiAchievementRate()).isEqualByComparingTo("71.2328767123");
        assertThat(plan.roots().get(0).unachievedKpis()).hasSize(7);
        assertThat(plan.totals().unachievedKpis()).hasSize(21);
    }

    @Test
    void aKgiStillBeingTalliedIsLeftOutOfItsGoalsKgiRate() {
        Rollup.PlanRollup plan = Rollup.of(NODES, List.of(
            kgi("KGI1", "GI", EvaluationStatus.NOT_ACHIEVED, "73.9"), kgi("KGI2", "GI", EvaluationStatus.BEING_TALLIED, null)));
        assertThat(Percent.whole(plan.roots().get(0).kgiAttainment())).isEqualTo("74%");
        assertThat(plan.roots().get(0).kgis()).hasSize(2);
        assertThat(plan.roots().get(1).kgiAttainment()).isNull();
    }

    @Test
    void aRateWithNothingDecidedIsUndefinedNotZero() {
        Rollup.PlanRollup plan = Rollup.of(NODES, goal("GI", 0, 0, 2));
        assertThat(plan.roots().get(0).kpis().beingTallied()).isEqualTo(2);
        assertThat(plan.roots().get(0).kpiAchievementRate()).isNull();
        assertThat(plan.roots().get(1).kpiAchievementRate()).isNull();
    }

    @Test
    void rollsUpEveryLevel() {
        List<PlanNode> tree = List.of(new PlanNode("G1", "目標１", "g", 1, "目標", null, 1),
            new PlanNode("P1", "方針１", "p", 2, "方針", "G1", 1), new PlanNode("I1", "実施項目１", "i", 3, "実施項目", "P1", 1),
            new PlanNode("I2", "実施項目２", "i", 3, "実施項目", "P1", 2));
        List<Evaluation> all = new ArrayList<>();
        all.addAll(goal("I1", 1, 1, 0));
        all.addAll(goal("I2", 2, 0, 1));
        NodeRollup g1 = Rollup.of(tree, all).roots().get(0);
        assertThat(g1.kpis()).isEqualTo(new NodeRollup.KpiCounts(3, 1, 1, 0));
        assertThat(g1.children().get(0).children()).extracting(c -> c.kpis().total()).containsExactly(2, 3);
        assertThat(Percent.whole(g1.children().get(0).children().get(0).kpiAchievementRate())).isEqualTo("50%");
        assertThat(g1.unachievedKpis()).hasSize(1);
    }

    @Test
    void roundsHalfUpForDisplay() {
        assertThat(Percent.whole(new BigDecimal("78.9473684211"))).isEqualTo("79%");
        assertThat(Percent.whole(new BigDecimal("62.5"))).isEqualTo("63%");
        assertThat(Percent.oneDecimal(new BigDecimal("73.85"))).isEqualTo("73.9%");
        assertThat(Percent.oneDecimal(new BigDecimal("100.0000000000"))).isEqualTo("100%");
    }
}
