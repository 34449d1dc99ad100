package io.planeval.evaluation.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.NarrativeSubject;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.attainment.IndicatorEvaluator;
import io.planeval.evaluation.attainment.NodeRollup;
import io.planeval.evaluation.attainment.PlanNode;
import io.planeval.evaluation.attainment.Rollup;
import io.planeval.evaluation.narrative.Narratives;
import io.planeval.evaluation.narrative.NodeNarrative;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.time.Moments;

/** Answers evaluation questions as of any moment, from the versions and revisions recorded by then. */
@ApplicationScoped
public class EvaluationQueries {

    @Inject
    ReadModel readModel;

    /** Everything evaluated for one plan, year and moment. */
    public record Snapshot(ReadModel.PlanSnapshot plan, int fiscalYear, Instant asOf, List<PlanNode> nodes,
                           List<Evaluation> evaluations, Rollup.PlanRollup rollup, Narratives.InForce narratives,
                           Map<String, Actual> pending) {

        /** An indicator's result with its causes and actions in force, and a newer figure waiting for approval. */
        public IndicatorResult result(Evaluation e) {
            return IndicatorResult.of(e, narratives.indicators().get(e.indicator().code()), pending.get(e.indicator().code()));
        }

        /** A node's roll-up with its written evaluation in force. */
        NodeReport node(NodeRollup r, List<IndicatorResult> indicators, List<NodeReport> children) {
            return NodeReport.of(r, r.node().code() == null ? null : narratives.nodes().get(r.node().code()), this, indicators, children);
        }
    }

    @Inject
    Narratives narratives;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Snapshot snapshot(String planCode, Integer fiscalYear, Instant asOf) {
        Instant moment = asOf == null ? Moments.EVERYTHING_RECORDED : asOf;
        ReadModel.PlanSnapshot plan = knownPlan(planCode, asOf, moment);
        int year = fiscalYear(planCode, plan, fiscalYear);
        List<PlanNode> nodes = nodes(plan.plan());
        List<IndicatorDefinition> definitions = readModel.indicators(planCode, moment);
        Map<String, Actual> actuals = readModel.actuals(planCode, definitions, year, moment);
        List<Evaluation> evaluations = definitions.stream()
            .map(def -> IndicatorEvaluator.evaluate(def, year, actuals.get(def.code())))
            .toList();
        return new Snapshot(plan, year, asOf, nodes, evaluations, Rollup.of(nodes, evaluations), narratives.inForce(planCode, year, moment),
            readModel.pending(planCode, year, moment));
    }

    @Inject
    CurrentReports currentReports;

    /** A plan as of a moment and a fiscal year of it: what every question about one year starts from. */
    public record PlanYear(ReadModel.PlanSnapshot plan, int fiscalYear, Instant moment) {
    }

    /** The plan as of the moment (404 where it was not known then) and the year asked for, or its last (400 outside it). */
    public PlanYear planYear(String planCode, Integer fiscalYear, Instant asOf) {
        Instant moment = asOf == null ? Moments.EVERYTHING_RECORDED : asOf;
        ReadModel.PlanSnapshot plan = knownPlan(planCode, asOf, moment);
        return new PlanYear(plan, fiscalYear(planCode, plan, fiscalYear), moment);
    }

    private ReadModel.PlanSnapshot knownPlan(String planCode, Instant asOf, Instant moment) {
        return readModel.plan(planCode, moment).orElseThrow(() -> ProblemException.notFound(
            "Plan " + planCode + " is not known" + (asOf == null ? "" : " as of " + asOf)));
    }

    /** The year asked for, or the plan's last; it must lie within the plan. */
    private static int fiscalYear(String planCode, ReadModel.PlanSnapshot plan, Integer fiscalYear) {
        int year = fiscalYear == null ? plan.plan().lastFiscalYear() : fiscalYear;
        if (year < plan.plan().firstFiscalYear() || year > plan.plan().lastFiscalYear()) {
            throw ProblemException.invalid("fiscalYear", year + " is outside plan " + planCode + " ("
                + plan.plan().firstFiscalYear() + "–" + plan.plan().lastFiscalYear() + ")");
        }
        return year;
    }

    /** The current report as JSON with its ETag, from the cache: kept until the plan changes. */
    public CachedReads.Tagged currentReport(String planCode, Integer fiscalYear) {
        return currentReports.get(planCode, fiscalYear, () -> report(planCode, fiscalYear, null));
    }

    /** The committee's report as of a moment. */
    public PlanReport report(String planCode, Integer fiscalYear, Instant asOf) {
        return report(snapshot(planCode, fiscalYear, asOf));
    }

    /** The committee's report of a snapshot. */
    public static PlanReport report(Snapshot s) {
        return new PlanReport(s.plan().plan().code(), s.plan().plan().title(), s.plan().version(), s.fiscalYear(),
            FiscalYears.label(s.fiscalYear()), s.asOf(), PlanReport.ROUNDING,
            s.node(s.rollup().totals(), null, null),
            s.rollup().roots().stream().map(root -> s.node(root, null, null)).toList());
    }

    public NodeReport node(String planCode, String nodeCode, Integer fiscalYear, Instant asOf) {
        Snapshot s = snapshot(planCode, fiscalYear, asOf);
        NodeRollup found = find(s.rollup().roots(), nodeCode);
        if (found == null) {
            throw ProblemException.notFound("Plan " + planCode + " has no node " + nodeCode);
        }
        List<IndicatorResult> own = s.evaluations().stream()
            .filter(e -> nodeCode.equals(e.indicator().nodeCode()))
            .sorted(Comparator.comparing(e -> e.indicator().code()))
            .map(s::result)
            .toList();
        return s.node(found, own, found.children().stream().map(child -> s.node(child, null, null)).toList());
    }

    /** Which results a list holds: null for any. */
    public record IndicatorFilter(EvaluationStatus status, IndicatorKind kind, String nodeCode) {
    }

    /** Every indicator's result matching the filter, in code order, a page at a time. */
    public Page<IndicatorResult> indicators(String planCode, Integer fiscalYear, Instant asOf, IndicatorFilter filter, int limit,
                                          String cursor) {
        Snapshot s = snapshot(planCode, fiscalYear, asOf);
        Set<String> nodes = filter.nodeCode() == null ? null : subtree(s, filter.nodeCode());
        String after = cursor == null ? null : QueryParams.cursorKeys(cursor, 1).get(0);
        List<IndicatorResult> matching = s.evaluations().stream()
            .filter(e -> filter.status() == null || e.status() == filter.status())
            .filter(e -> filter.kind() == null || e.indicator().kind() == filter.kind())
            .filter(e -> nodes == null || nodes.contains(e.indicator().nodeCode()))
            .filter(e -> after == null || e.indicator().code().compareTo(after) > 0)
            .sorted(Comparator.comparing(e -> e.indicator().code()))
            .limit(limit + 1L)
            .map(s::result)
            .toList();
        return Page.of(matching, limit, result -> QueryParams.cursor(result.code()));
    }

    /** The node and every node under it; 404 for a node the plan does not have. */
    public static Set<String> subtree(Snapshot s, String nodeCode) {
        if (s.nodes().stream().noneMatch(n -> n.code().equals(nodeCode))) {
            throw ProblemException.notFound("Plan " + s.plan().code() + " has no node " + nodeCode);
        }
        Set<String> subtree = new HashSet<>(Set.of(nodeCode));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PlanNode node : s.nodes()) {
                if (node.parent() != null && subtree.contains(node.parent()) && subtree.add(node.code())) {
                    grew = true;
                }
            }
        }
        return subtree;
    }

    /** One indicator's result, from its own rows only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorResult indicator(String planCode, String code, Integer fiscalYear, Instant asOf) {
        Instant moment = asOf == null ? Moments.EVERYTHING_RECORDED : asOf;
        ReadModel.PlanSnapshot plan = knownPlan(planCode, asOf, moment);
        int year = fiscalYear(planCode, plan, fiscalYear);
        IndicatorDefinition def = readModel.indicator(planCode, code, moment).orElseThrow(() -> ProblemException.notFound(
            "Plan " + planCode + " has no indicator " + code + (asOf == null ? "" : " as of " + asOf)));
        return result(planCode, def, year, moment);
    }

    /** One indicator's current result for every fiscal year of its plan, the plan and definition read once. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorResult> everyYear(String planCode, String code) {
        ReadModel.PlanSnapshot plan = knownPlan(planCode, null, Moments.EVERYTHING_RECORDED);
        IndicatorDefinition def = readModel.indicator(planCode, code, Moments.EVERYTHING_RECORDED)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " has no indicator " + code));
        List<IndicatorResult> results = new ArrayList<>();
        for (int year = plan.plan().firstFiscalYear(); year <= plan.plan().lastFiscalYear(); year++) {
            results.add(result(planCode, def, year, Moments.EVERYTHING_RECORDED));
        }
        return results;
    }

    /** One indicator's result from its own rows only: its figure, its words and a figure waiting for approval. */
    private IndicatorResult result(String planCode, IndicatorDefinition def, int year, Instant moment) {
        return IndicatorResult.of(IndicatorEvaluator.evaluate(def, year, readModel.actual(planCode, def, year, moment).orElse(null)),
            narratives.indicatorInForce(planCode, def.code(), year, moment), readModel.pending(planCode, year, moment, def.code()).get(def.code()));
    }

    /**
     * Every indicator whose status, attainment or figure in force for the year differs between the two moments
     * ({@code to} null: now).
     */
    public List<Change> changes(String planCode, Integer fiscalYear, Instant from, Instant to) {
        if (from == null) {
            throw ProblemException.invalid("from", "is required: an instant such as 2025-07-17T00:00:00Z or a date");
        }
        Snapshot after = snapshot(planCode, fiscalYear, to);
        List<Change> before = readModel.plan(planCode, from).isPresent()
            ? states(snapshot(planCode, after.fiscalYear(), from)) : List.of();
        return changes(before, after);
    }

    /**
     * What differs between states taken earlier (each a change whose {@code to} is its state then) and a snapshot now:
     * indicators by code, then the nodes whose written evaluation changed.
     */
    public static List<Change> changes(List<Change> earlier, Snapshot now) {
        Map<String, Change> before = new HashMap<>();
        earlier.forEach(e -> before.put(e.key(), e));
        List<Change> changes = new ArrayList<>();
        for (Change current : states(now)) {
            Change then = before.remove(current.key());
            if (then == null || then.to().differsFrom(current.to())) {
                changes.add(new Change(current.code(), current.name(), current.kind(), current.nodeCode(), current.subject(),
                    then == null ? null : then.to(), current.to()));
            }
        }
        before.values().forEach(gone -> changes.add(new Change(gone.code(), gone.name(), gone.kind(), gone.nodeCode(), gone.subject(),
            gone.to(), null)));
        changes.sort(Comparator.comparing(Change::key));
        return changes;
    }

    /** Each indicator's state and each written node evaluation of the snapshot, as changes from nothing. */
    public static List<Change> states(Snapshot s) {
        List<Change> states = new ArrayList<>();
        for (Evaluation e : s.evaluations()) {
            IndicatorDefinition def = e.indicator();
            states.add(new Change(def.code(), def.name(), def.kind(), def.nodeCode(), NarrativeSubject.INDICATOR, null,
                Change.State.of(e, s.narratives().indicators().get(def.code()))));
        }
        for (PlanNode node : s.nodes()) {
            NodeNarrative narrative = s.narratives().nodes().get(node.code());
            if (narrative != null) {
                states.add(new Change(node.code(), node.title(), null, null, NarrativeSubject.NODE, null,
                    new Change.State(null, null, null, null, narrative.revision())));
            }
        }
        return states;
    }

    private static NodeRollup find(List<NodeRollup> nodes, String code) {
        for (NodeRollup node : nodes) {
            if (Objects.equals(node.node().code(), code)) {
                return node;
            }
            NodeRollup below = find(node.children(), code);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    static List<PlanNode> nodes(PlanChanged.Plan plan) {
        return plan.nodes().stream()
            .map(n -> new PlanNode(n.code(), n.label(), n.title(), n.level(), plan.levels().get(n.level() - 1), n.parent(), n.position()))
            .toList();
    }
}
