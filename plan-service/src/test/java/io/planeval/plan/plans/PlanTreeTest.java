package io.planeval.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;

class PlanTreeTest {

    static final List<String> LEVELS = List.of("目標", "方針", "実施項目");

    static NodeDocument node(String code, int level, String parent, Integer position) {
        return new NodeDocument(code, null, "title of " + code, null, level, null, parent, position, null);
    }

    static PlanDocument plan(List<NodeDocument> nodes) {
        return new PlanDocument(null, "計画", null, 2025, null, 2029, null, LEVELS, null, null, null, null, null, null, null, null, nodes);
    }

    static List<Violation> violations(PlanDocument doc) {
        try {
            PlanTree.normalize("test-plan", doc);
        } catch (ProblemException e) {
            return e.problem().violations();
        }
        throw new AssertionError("expected the document to be refused");
    }

    static Map<String, String> byField(List<Violation> violations) {
        return violations.stream().collect(Collectors.toMap(Violation::field, Violation::reason, (a, b) -> a + "; " + b));
    }

    @Test
    void ordersDepthFirstBySiblingPositionAndFillsDefaults() {
        PlanDocument normalized = PlanTree.normalize("test-plan", plan(List.of(
            node("P2", 2, "G1", 2), node("G2", 1, null, 2), node("P1", 2, "G1", 1), node("G1", 1, null, 1),
            node("I1", 3, "P1", null), node("I2", 3, "P1", null))));

        assertThat(normalized.nodes()).extracting(NodeDocument::code).containsExactly("G1", "P1", "I1", "I2", "P2", "G2");
        assertThat(normalized.nodes()).extracting(NodeDocument::position).containsExactly(1, 1, 1, 2, 2, 2);
        assertThat(normalized.nodes().get(2).levelName()).isEqualTo("実施項目");
        assertThat(normalized.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(normalized.firstFiscalYearLabel()).isEqualTo("令和7年度");
        assertThat(normalized.code()).isEqualTo("test-plan");
    }

    @Test
    void refusesAParentThatDoesNotExist() {
        List<NodeDocument> nodes = new ArrayList<>(List.of(node("G1", 1, null, 1), node("P1", 2, "G1", 1)));
        nodes.add(node("I1", 3, "I99", 1));
        assertThat(byField(violations(plan(nodes)))).containsEntry("nodes[2].parent", "I99 does not exist");
    }

    @Test
    void refusesANodeThatIsNotExactlyOneLevelBelowItsParent() {
        assertThat(byField(violations(plan(List.of(node("G1", 1, null, 1), node("I1", 3, "G1", 1))))))
            .containsEntry("nodes[1].level", "3 is not one below its parent G1 (level 1, 目標)");
    }

    @Test
    void refusesDuplicateCodes() {
        assertThat(byField(violations(plan(List.of(node("G1", 1, null, 1), node("G1", 1, null, 2))))))
            .containsEntry("nodes[1].code", "G1 is already used by nodes[0]");
    }

    @Test
    void refusesCycles() {
        Map<String, String> found = byField(violations(plan(List.of(
            node("G1", 1, null, 1), node("P1", 2, "I1", 1), node("I1", 3, "P1", 1)))));
        assertThat(found).containsKey("nodes[1].parent");
        assertThat(found.get("nodes[1].parent")).contains("forms a cycle").contains("P1 → I1 → P1");
    }

    @Test
    void refusesAParentAtTheTopLevelAndNoParentBelowIt() {
        Map<String, String> found = byField(violations(plan(List.of(node("G1", 1, "G2", 1), node("G2", 1, null, 2), node("P1", 2, null, 1)))));
        assertThat(found).containsEntry("nodes[0].parent", "a level-1 node (目標) has no parent, not G2");
        assertThat(found).containsEntry("nodes[2].parent", "is required below level 1");
    }

    @Test
    void refusesLevelsTheDocumentDoesNotName() {
        assertThat(byField(violations(plan(List.of(node("G1", 1, null, 1), node("X", 4, "G1", 1))))))
            .containsEntry("nodes[1].level", "4 is not a level of this plan (1 to 3)");
    }

    @Test
    void refusesTwoSiblingsAtOnePosition() {
        assertThat(byField(violations(plan(List.of(node("G1", 1, null, 1), node("G2", 1, null, 1))))))
            .containsEntry("nodes[1].position", "1 is already taken by sibling G1");
    }

    @Test
    void reportsEveryPlanFieldViolationAtOnce() {
        PlanDocument bad = new PlanDocument("other", " ", null, 2030, null, 2025, null, List.of("目標", "目標"), null,
            null, null, null, null, null, null, null, List.of());
        Map<String, String> found = byField(violations(bad));
        assertThat(found.keySet()).containsExactlyInAnyOrder("code", "title", "lastFiscalYear", "levels[1]");
    }

    @Test
    void refusesAPlanCodeThatIsNotUrlSafe() {
        assertThatThrownBy(() -> PlanTree.normalize("Gunma 2025", plan(List.of())))
            .isInstanceOf(ProblemException.class)
            .extracting(e -> ((ProblemException) e).problem().violations().get(0).field())
            .isEqualTo("planCode");
    }

    @Test
    void keepsJapaneseTextAsGiven() {
        NodeDocument goal = new NodeDocument("G1", "目標１", "ＤＸ等による質の高い行政サービス提供　（全角）", "説明･▲", 1, null, null, 1, "注");
        PlanDocument normalized = PlanTree.normalize("test-plan", plan(List.of(goal)));
        assertThat(normalized.nodes().get(0)).isEqualTo(goal.withLevelName("目標"));
        assertThat(Function.identity().apply(normalized.levels())).isEqualTo(LEVELS);
    }
}
