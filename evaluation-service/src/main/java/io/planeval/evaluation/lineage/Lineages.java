package io.planeval.evaluation.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.evaluation.report.ReadAccess;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.time.Moments;

/** Indicators across plan generations: one indicator's series, and a plan's continuity with the plans before it. */
@ApplicationScoped
public class Lineages {

    /**
     * Enough generations for any government's plans; a longer chain is a loop in the data. A chain stops, too, at a plan
     * the caller may not read.
     */
    static final int MAX_GENERATIONS = 20;

    @Inject
    ReadModel readModel;

    @Inject
    EvaluationQueries queries;

    @Inject
    ReadAccess access;

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorLineage lineage(String planCode, String indicatorCode) {
        List<IndicatorLineage.Generation> generations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String plan = planCode;
        String code = indicatorCode;
        while (plan != null && seen.add(plan + "/" + code) && generations.size() < MAX_GENERATIONS
            && (generations.isEmpty() || access.mayRead(plan))) {
            ReadModel.PlanSnapshot snapshot = readModel.plan(plan, Moments.EVERYTHING_RECORDED).orElse(null);
            IndicatorDefinition def = snapshot == null ? null : readModel.indicator(plan, code, Moments.EVERYTHING_RECORDED).orElse(null);
            if (def == null) {
                if (generations.isEmpty()) {
                    throw ProblemException.notFound("Plan " + planCode + " has no indicator " + indicatorCode);
                }
                break;
            }
            generations.add(0, new IndicatorLineage.Generation(plan, snapshot.plan().title(), code, def.name(), def.unit(),
                def.kind(), snapshot.plan().firstFiscalYear(), snapshot.plan().lastFiscalYear()));
            IndicatorChanged.Predecessor predecessor = readModel.predecessors(plan, Moments.EVERYTHING_RECORDED).get(code);
            plan = predecessor == null ? null : predecessor.planCode();
            code = predecessor == null ? null : predecessor.indicatorCode();
        }
        List<IndicatorLineage.Point> series = new ArrayList<>();
        for (IndicatorLineage.Generation g : generations) {
            for (IndicatorResult r : queries.everyYear(g.planCode(), g.indicatorCode())) {
                IndicatorResult.Actual actual = r.working().actual();
                series.add(new IndicatorLineage.Point(g.planCode(), g.indicatorCode(), r.fiscalYear(), r.fiscalYearLabel(),
                    actual == null ? null : actual.value(), actual == null ? null : actual.outcome(), r.status(), r.statusLabel(),
                    r.attainment()));
            }
        }
        return new IndicatorLineage(planCode, indicatorCode, generations, series);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanContinuity continuity(String planCode) {
        if (readModel.plan(planCode, Moments.EVERYTHING_RECORDED).isEmpty()) {
            throw ProblemException.notFound("Plan " + planCode + " is not known");
        }
        Map<String, IndicatorDefinition> indicators = byCode(readModel.indicators(planCode, Moments.EVERYTHING_RECORDED));
        Map<String, IndicatorChanged.Predecessor> predecessors = readModel.predecessors(planCode, Moments.EVERYTHING_RECORDED);
        Set<String> earlierPlans = new TreeSet<>();
        predecessors.values().stream().filter(p -> access.mayRead(p.planCode())).forEach(p -> earlierPlans.add(p.planCode()));
        Map<String, Map<String, IndicatorDefinition>> earlier = new LinkedHashMap<>();
        earlierPlans.forEach(p -> earlier.put(p, byCode(readModel.indicators(p, Moments.EVERYTHING_RECORDED))));

        List<PlanContinuity.Link> continued = new ArrayList<>();
        List<PlanContinuity.Link> changed = new ArrayList<>();
        List<PlanContinuity.Ref> added = new ArrayList<>();
        Set<String> continuedFrom = new HashSet<>();
        for (IndicatorDefinition successor : indicators.values()) {
            IndicatorChanged.Predecessor p = predecessors.get(successor.code());
            IndicatorDefinition before = p == null || !earlier.containsKey(p.planCode()) ? null : earlier.get(p.planCode()).get(p.indicatorCode());
            if (before == null) {
                added.add(ref(planCode, successor));
                continue;
            }
            continuedFrom.add(p.planCode() + "/" + p.indicatorCode());
            List<String> differences = differences(before, successor);
            PlanContinuity.Link link = new PlanContinuity.Link(ref(p.planCode(), before), ref(planCode, successor), differences);
            (differences.isEmpty() ? continued : changed).add(link);
        }
        List<PlanContinuity.Ref> ended = new ArrayList<>();
        earlier.forEach((plan, defs) -> defs.values().stream()
            .filter(def -> !continuedFrom.contains(plan + "/" + def.code()))
            .forEach(def -> ended.add(ref(plan, def))));
        return new PlanContinuity(planCode, List.copyOf(earlierPlans), continued, changed, ended, added);
    }

    /** What a successor defines otherwise than its predecessor, among what makes their figures comparable. */
    static List<String> differences(IndicatorDefinition before, IndicatorDefinition after) {
        List<String> differences = new ArrayList<>();
        if (before.kind() != after.kind()) {
            differences.add("kind");
        }
        if (!Objects.equals(before.unit(), after.unit())) {
            differences.add("unit");
        }
        if (before.direction() != after.direction()) {
            differences.add("direction");
        }
        if (before.method() != after.method()) {
            differences.add("method");
        }
        return differences;
    }

    private static Map<String, IndicatorDefinition> byCode(List<IndicatorDefinition> definitions) {
        Map<String, IndicatorDefinition> byCode = new LinkedHashMap<>();
        definitions.stream().sorted(Comparator.comparing(IndicatorDefinition::code)).forEach(d -> byCode.put(d.code(), d));
        return byCode;
    }

    private static PlanContinuity.Ref ref(String planCode, IndicatorDefinition def) {
        return new PlanContinuity.Ref(planCode, def.code(), def.name());
    }
}
