package io.planeval.evaluation.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.planeval.contracts.EvaluationChanged;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.attainment.IndicatorEvaluator;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.persistence.ArrayStatements;
import io.planeval.support.persistence.ArrayStatements.Column;
import io.planeval.support.time.Moments;

/**
 * Keeps {@code recalculated_result} current, incrementally: what a batch of events touched is recomputed — a
 * measurement its indicator for its year, a definition its indicator for every year, a plan all its indicators —
 * with a few queries per plan and year, however many indicators. A changed status publishes an evaluation-changed
 * event in the same transaction (roll-ups are summed from these results when read).
 */
@ApplicationScoped
public class Recalculation {

    /** Up to this many indicators are read one by one; more, the whole plan's year at once. */
    private static final int FEW = 20;

    @Inject
    ReadModel readModel;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry metrics;

    /** What to recompute in one plan: per fiscal year the indicator codes, or every indicator in every year. */
    public static final class Scope {
        private final Map<Integer, Set<String>> codesByYear = new HashMap<>();
        private final Set<String> everyYear = new TreeSet<>();
        private boolean everything;

        public void measurement(int fiscalYear, String code) {
            codesByYear.computeIfAbsent(fiscalYear, y -> new TreeSet<>()).add(code);
        }

        public void indicator(String code) {
            everyYear.add(code);
        }

        public void everything() {
            everything = true;
        }
    }

    /** Recomputes the scope's results, stores those that changed; returns every result computed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Evaluation> recalculate(String planCode, Scope scope, boolean publish) {
        readModel.newGeneration(planCode);
        addDependents(planCode, scope);
        Set<String> codes = new TreeSet<>(scope.everyYear);
        scope.codesByYear.values().forEach(codes::addAll);
        List<IndicatorDefinition> definitions = scope.everything || codes.size() > FEW
            ? readModel.indicators(planCode, Moments.EVERYTHING_RECORDED)
            : codes.stream().map(code -> readModel.indicator(planCode, code, Moments.EVERYTHING_RECORDED)).flatMap(Optional::stream).toList();
        if (definitions.isEmpty()) {
            return List.of(); // measurements wait for their definition, which recalculates them when it arrives
        }
        Map<Integer, Set<String>> work = new HashMap<>();
        // Only a change to definitions or the plan needs the plan's years: its document is not read for a measurement.
        Set<Integer> allYears = scope.everything || !scope.everyYear.isEmpty()
            ? years(planCode, readModel.plan(planCode, Moments.EVERYTHING_RECORDED), definitions) : Set.of();
        for (IndicatorDefinition def : definitions) {
            if (scope.everything || scope.everyYear.contains(def.code())) {
                allYears.forEach(year -> work.computeIfAbsent(year, y -> new TreeSet<>()).add(def.code()));
            }
        }
        scope.codesByYear.forEach((year, yearCodes) -> work.computeIfAbsent(year, y -> new TreeSet<>()).addAll(yearCodes));
        Map<String, IndicatorDefinition> byCode = new HashMap<>();
        definitions.forEach(def -> byCode.put(def.code(), def));
        List<Evaluation> evaluations = new ArrayList<>();
        work.forEach((year, yearCodes) -> {
            Map<String, Actual> actuals = readModel.actuals(planCode,
                yearCodes.stream().map(byCode::get).filter(Objects::nonNull).toList(), year, Moments.EVERYTHING_RECORDED);
            for (String code : yearCodes) {
                IndicatorDefinition def = byCode.get(code);
                if (def != null) {
                    evaluations.add(IndicatorEvaluator.evaluate(def, year, actuals.get(code)));
                }
            }
        });
        record(planCode, evaluations, publish);
        return evaluations;
    }

    /**
     * The computed indicators that read what the scope recomputes (and those that read them): a figure or definition
     * that changes changes theirs, in the same years.
     */
    private void addDependents(String planCode, Scope scope) {
        Map<String, Set<String>> formulas = readModel.formulaInputs(planCode);
        if (formulas.isEmpty() || scope.everything) {
            return;
        }
        Set<String> everyYear = dependents(formulas, scope.everyYear);
        scope.everyYear.addAll(everyYear);
        scope.codesByYear.values().forEach(codes -> codes.addAll(dependents(formulas, codes)));
    }

    /** The computed indicators that read any of the codes, directly or through others. */
    static Set<String> dependents(Map<String, Set<String>> formulas, Set<String> codes) {
        Set<String> reached = new TreeSet<>(codes);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> formula : formulas.entrySet()) {
                if (!reached.contains(formula.getKey()) && formula.getValue().stream().anyMatch(reached::contains)) {
                    reached.add(formula.getKey());
                    grew = true;
                }
            }
        }
        reached.removeAll(codes);
        return reached;
    }

    /** The plan's years when it is known, the years measured, and the target years. */
    private Set<Integer> years(String planCode, Optional<ReadModel.PlanSnapshot> plan, Collection<IndicatorDefinition> definitions) {
        Set<Integer> years = new TreeSet<>(readModel.measuredYears(planCode));
        plan.ifPresent(p -> {
            for (int y = p.plan().firstFiscalYear(); y <= p.plan().lastFiscalYear(); y++) {
                years.add(y);
            }
        });
        definitions.stream().map(IndicatorDefinition::targetFiscalYear).filter(Objects::nonNull).forEach(years::add);
        return years;
    }

    private record Stored(EvaluationStatus status, BigDecimal attainment) {
    }

    private void record(String planCode, List<Evaluation> evaluations, boolean publish) {
        if (evaluations.isEmpty()) {
            return;
        }
        Map<String, Stored> previous = previous(planCode, evaluations);
        Instant now = Moments.now();
        List<Evaluation> changed = new ArrayList<>();
        List<EvaluationChanged> statusChanges = new ArrayList<>();
        for (Evaluation e : evaluations) {
            Stored before = previous.get(key(e.indicator().code(), e.fiscalYear()));
            if (before != null && before.status() == e.status() && sameRate(before.attainment(), e.attainment())) {
                continue;
            }
            changed.add(e);
            if (publish && (before == null || before.status() != e.status())) {
                statusChanges.add(new EvaluationChanged(planCode, e.indicator().code(), e.fiscalYear(),
                    before == null ? null : before.status(), e.status(), before == null ? null : before.attainment(), e.attainment(), now));
            }
        }
        outbox.appendAll(statusChanges);
        upsert(planCode, changed, now);
        metrics.counter("planeval.evaluation.changes").increment(changed.size());
    }

    private Map<String, Stored> previous(String planCode, List<Evaluation> evaluations) {
        Set<Integer> years = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        evaluations.forEach(e -> {
            years.add(e.fiscalYear());
            codes.add(e.indicator().code());
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT indicator_code, fiscal_year, status, attainment FROM recalculated_result
                WHERE plan_code = :plan AND fiscal_year = ANY(CAST(:years AS integer[]))
                  AND indicator_code = ANY(CAST(:codes AS text[]))""")
            .setParameter("plan", planCode)
            .setParameter("years", years.toArray(Integer[]::new))
            .setParameter("codes", codes.toArray(String[]::new))
            .getResultList();
        Map<String, Stored> previous = new HashMap<>();
        for (Object[] row : rows) {
            previous.put(key((String) row[0], ((Number) row[1]).intValue()), new Stored(Vocabulary.of(EvaluationStatus.class, (String) row[2]), (BigDecimal) row[3]));
        }
        return previous;
    }

    /** One statement, however many results changed, and one for each change in the live stream's log. */
    private void upsert(String planCode, List<Evaluation> changed, Instant now) {
        if (changed.isEmpty()) {
            return;
        }
        String at = now.toString();
        ArrayStatements.execute(entityManager, """
                INSERT INTO recalculated_result (plan_code, indicator_code, fiscal_year, status, attainment, evaluated_at)
                SELECT plan, code, year, status, attainment::numeric, at::timestamptz
                FROM unnest(?::text[], ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[])
                     AS r (plan, code, year, status, attainment, at)
                ON CONFLICT (plan_code, indicator_code, fiscal_year)
                DO UPDATE SET status = EXCLUDED.status, attainment = EXCLUDED.attainment, evaluated_at = EXCLUDED.evaluated_at""",
            changed, List.of(
                new Column<Evaluation>("text", e -> planCode),
                new Column<Evaluation>("text", e -> e.indicator().code()),
                new Column<Evaluation>("integer", Evaluation::fiscalYear),
                new Column<Evaluation>("text", e -> Vocabulary.wire(e.status())),
                // Exact decimals and instants travel as their text, which PostgreSQL reads back exactly.
                new Column<Evaluation>("text", e -> e.attainment() == null ? null : e.attainment().toPlainString()),
                new Column<Evaluation>("text", e -> at)));
        ArrayStatements.execute(entityManager, """
                INSERT INTO evaluation_change (plan_code, indicator_code, kind, node_code, fiscal_year, status, attainment, changed_at)
                SELECT plan, code, kind, node, year, status, attainment::numeric, at::timestamptz
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[])
                     AS c (plan, code, kind, node, year, status, attainment, at)""",
            changed, List.of(
                new Column<Evaluation>("text", e -> planCode),
                new Column<Evaluation>("text", e -> e.indicator().code()),
                new Column<Evaluation>("text", e -> Vocabulary.wire(e.indicator().kind())),
                new Column<Evaluation>("text", e -> e.indicator().nodeCode()),
                new Column<Evaluation>("integer", Evaluation::fiscalYear),
                new Column<Evaluation>("text", e -> Vocabulary.wire(e.status())),
                new Column<Evaluation>("text", e -> e.attainment() == null ? null : e.attainment().toPlainString()),
                new Column<Evaluation>("text", e -> at)));
    }

    private static String key(String code, int year) {
        return code + "/" + year;
    }

    private static boolean sameRate(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
