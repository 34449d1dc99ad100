package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.planeval.contracts.Vocabulary.EvaluationStatus;

/** Rolls indicator results up the plan's tree, every level, in one pass. */
public final class Rollup {

    /** The plan's roll-up: one node per level-1 node, and the totals of every indicator of the plan. */
    public record PlanRollup(NodeRollup totals, List<NodeRollup> roots) {
    }

    private Rollup() {
    }

    public static PlanRollup of(List<PlanNode> nodes, List<Evaluation> evaluations) {
        Map<String, List<PlanNode>> children = new HashMap<>();
        nodes.forEach(node -> children.computeIfAbsent(node.parent() == null ? "" : node.parent(), k -> new ArrayList<>()).add(node));
        children.values().forEach(list -> list.sort(Comparator.comparingInt(PlanNode::position)));
        Map<String, List<Evaluation>> byNode = new LinkedHashMap<>();
        evaluations.stream()
            .sorted(Comparator.comparing(e -> e.indicator().code()))
            .forEach(e -> byNode.computeIfAbsent(e.indicator().nodeCode(), k -> new ArrayList<>()).add(e));
        List<NodeRollup> roots = children.getOrDefault("", List.of()).stream()
            .map(root -> rollup(root, children, byNode))
            .toList();
        // An indicator whose node the plan no longer has (deleted) counts in no node, and so in no total.
        Set<String> placed = nodes.stream().map(PlanNode::code).collect(Collectors.toSet());
        PlanNode plan = new PlanNode(null, null, null, 0, null, null, 0);
        NodeRollup totals = summarize(plan, evaluations.stream()
            .filter(e -> placed.contains(e.indicator().nodeCode()))
            .sorted(Comparator.comparing(e -> e.indicator().code()))
            .toList(), List.of(), List.of());
        return new PlanRollup(totals, roots);
    }

    private static NodeRollup rollup(PlanNode node, Map<String, List<PlanNode>> children, Map<String, List<Evaluation>> byNode) {
        List<NodeRollup> below = children.getOrDefault(node.code(), List.of()).stream()
            .map(child -> rollup(child, children, byNode))
            .toList();
        return summarize(node, byNode.getOrDefault(node.code(), List.of()), below, byNode.getOrDefault(node.code(), List.of()));
    }

    /** {@code own}: the node's own indicators; {@code kgiSource}: whose KGIs the node shows. */
    private static NodeRollup summarize(PlanNode node, List<Evaluation> own, List<NodeRollup> below, List<Evaluation> kgiSource) {
        int[] counts = new int[EvaluationStatus.values().length];
        List<Evaluation> unachieved = new ArrayList<>();
        for (Evaluation e : own) {
            if (e.indicator().isKpi()) {
                counts[e.status().ordinal()]++;
                if (e.status() == EvaluationStatus.NOT_ACHIEVED) {
                    unachieved.add(e);
                }
            }
        }
        for (NodeRollup child : below) {
            counts[EvaluationStatus.ACHIEVED.ordinal()] += child.kpis().achieved();
            counts[EvaluationStatus.NOT_ACHIEVED.ordinal()] += child.kpis().notAchieved();
            counts[EvaluationStatus.BEING_TALLIED.ordinal()] += child.kpis().beingTallied();
            counts[EvaluationStatus.NO_TARGET.ordinal()] += child.kpis().noTarget();
            unachieved.addAll(child.unachievedKpis());
        }
        NodeRollup.KpiCounts kpis = new NodeRollup.KpiCounts(counts[EvaluationStatus.ACHIEVED.ordinal()],
            counts[EvaluationStatus.NOT_ACHIEVED.ordinal()], counts[EvaluationStatus.BEING_TALLIED.ordinal()], counts[EvaluationStatus.NO_TARGET.ordinal()]);
        List<Evaluation> kgis = (node.code() == null ? own : kgiSource).stream().filter(e -> e.indicator().isKgi()).toList();
        return new NodeRollup(node, kpis, kpis.achievementRate(), kgis, meanAttainment(kgis), List.copyOf(unachieved), below);
    }

    /** The mean of the KGIs' defined attainments: a KGI still being tallied is left out, as the committee does. */
    static BigDecimal meanAttainment(List<Evaluation> kgis) {
        List<BigDecimal> rates = kgis.stream()
            .filter(e -> e.status() == EvaluationStatus.ACHIEVED || e.status() == EvaluationStatus.NOT_ACHIEVED)
            .map(Evaluation::attainment)
            .filter(rate -> rate != null)
            .toList();
        if (rates.isEmpty()) {
            return null;
        }
        BigDecimal sum = rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(rates.size()), Percent.SCALE, RoundingMode.HALF_EVEN);
    }
}
