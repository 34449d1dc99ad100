package io.planeval.evaluation.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Vocabulary.ForecastVerdict;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.attainment.PlanNode;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.support.decimal.Decimals;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.time.Moments;

/** Forecasts of a plan's indicators from the read model, as of a moment, rolled up per goal. */
@ApplicationScoped
public class Forecasts {

    @Inject
    EvaluationQueries queries;

    @Inject
    ReadModel readModel;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanForecast of(String planCode, Instant asOf) {
        EvaluationQueries.Snapshot s = queries.snapshot(planCode, null, asOf);
        Instant moment = asOf == null ? Moments.EVERYTHING_RECORDED : asOf;
        List<IndicatorDefinition> definitions = s.evaluations().stream().map(e -> e.indicator()).toList();
        Map<String, Map<Integer, BigDecimal>> yearly = yearly(planCode, s.plan().plan(), definitions, moment);
        List<Forecaster.Forecast> forecasts = definitions.stream()
            .map(def -> Forecaster.forecast(def, yearly.getOrDefault(def.code(), Map.of())))
            .sorted(Comparator.comparing(f -> f.indicator().code()))
            .toList();
        // Every node's verdicts over its subtree, in the plan's order; the goals are the level-1 ones.
        Map<String, PlanForecast.NodeForecast> nodes = new LinkedHashMap<>();
        for (PlanNode node : s.nodes()) {
            Set<String> subtree = EvaluationQueries.subtree(s, node.code());
            nodes.put(node.code(), new PlanForecast.NodeForecast(node.code(), node.label(), node.title(), node.level(), node.parent(),
                counts(forecasts.stream().filter(f -> subtree.contains(f.indicator().nodeCode())).toList())));
        }
        List<PlanForecast.NodeForecast> goals = s.nodes().stream().filter(node -> node.parent() == null)
            .sorted(Comparator.comparingInt(PlanNode::position)).map(goal -> nodes.get(goal.code())).toList();
        return new PlanForecast(planCode, s.plan().version(), asOf, PlanForecast.METHOD,
            counts(forecasts.stream().filter(f -> nodes.containsKey(f.indicator().nodeCode())).toList()),
            goals, List.copyOf(nodes.values()), forecasts.stream().map(Forecasts::view).toList());
    }

    /** One indicator's forecast from its yearly actuals as of a moment (null: everything recorded). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Forecaster.Forecast of(String planCode, PlanChanged.Plan plan, IndicatorDefinition definition, Instant asOf) {
        Instant moment = asOf == null ? Moments.EVERYTHING_RECORDED : asOf;
        return Forecaster.forecast(definition, yearly(planCode, plan, List.of(definition), moment).getOrDefault(definition.code(), Map.of()));
    }

    /** Each indicator's whole-year actuals by fiscal year over the plan's years (figures being tallied left out). */
    private Map<String, Map<Integer, BigDecimal>> yearly(String planCode, PlanChanged.Plan plan, List<IndicatorDefinition> definitions,
                                                       Instant moment) {
        Map<String, Map<Integer, BigDecimal>> yearly = new HashMap<>();
        for (int year = plan.firstFiscalYear(); year <= plan.lastFiscalYear(); year++) {
            for (Map.Entry<String, Actual> entry : readModel.actuals(planCode, definitions, year, moment).entrySet()) {
                Actual actual = entry.getValue();
                if (!actual.isBeingTallied() && actual.value() != null) {
                    yearly.computeIfAbsent(entry.getKey(), code -> new HashMap<>()).put(year, actual.value());
                }
            }
        }
        return yearly;
    }

    private static PlanForecast.VerdictCounts counts(List<Forecaster.Forecast> forecasts) {
        Map<ForecastVerdict, Integer> counts = new HashMap<>();
        forecasts.forEach(f -> counts.merge(f.verdict(), 1, Integer::sum));
        return new PlanForecast.VerdictCounts(counts.getOrDefault(ForecastVerdict.ON_TRACK, 0),
            counts.getOrDefault(ForecastVerdict.AT_RISK, 0), counts.getOrDefault(ForecastVerdict.OFF_TRACK, 0),
            counts.getOrDefault(ForecastVerdict.INSUFFICIENT_DATA, 0), forecasts.size());
    }

    /** A forecast as the API and the dashboard show it. */
    public static PlanForecast.IndicatorForecast view(Forecaster.Forecast f) {
        IndicatorDefinition def = f.indicator();
        return new PlanForecast.IndicatorForecast(def.code(), def.name(), def.kind(), def.nodeCode(), def.unit(),
            f.verdict(), f.verdict().label(), def.targetFiscalYear(), Decimals.canonical(def.targetValue()),
            Decimals.canonical(f.projected()), Decimals.canonical(f.slopePerYear()), points(f.points()),
            points(f.requiredPath()), Decimals.canonical(f.requiredAtLatest()), f.formula(), f.reason());
    }

    private static List<PlanForecast.Point> points(List<Forecaster.Point> points) {
        return points.stream()
            .map(p -> new PlanForecast.Point(p.fiscalYear(), FiscalYears.label(p.fiscalYear()), Decimals.canonical(p.value())))
            .toList();
    }
}
