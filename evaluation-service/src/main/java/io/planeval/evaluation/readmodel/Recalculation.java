package io.planeval.evaluation.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.contracts.EvaluationChanged;
import io.planeval.contracts.EventTypes;
import io.planeval.contracts.Topics;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.attainment.IndicatorEvaluator;
import io.planeval.support.outbox.Outbox;

/**
 * Keeps {@code indicator_result} current, incrementally: a measurement recomputes its indicator for its year, a
 * definition its indicator for every year, a plan its indicators. A changed status publishes an evaluation-changed
 * event in the same transaction (roll-ups are summed from these results when read).
 */
@ApplicationScoped
public class Recalculation {

    /** "Now" for the current results: everything recorded, whatever the clocks of the other services say. */
    public static final Instant EVERYTHING = Instant.parse("9999-12-31T00:00:00Z");

    @Inject
    ReadModel readModel;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void measurement(String planCode, String indicatorCode, int fiscalYear, boolean publish) {
        indicator(planCode, indicatorCode, List.of(fiscalYear), publish);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void indicator(String planCode, String indicatorCode, boolean publish) {
        indicator(planCode, indicatorCode, years(planCode, indicatorCode), publish);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(String planCode, boolean publish) {
        for (String code : readModel.indicatorCodes(planCode)) {
            indicator(planCode, code, publish);
        }
    }

    private void indicator(String planCode, String indicatorCode, Collection<Integer> years, boolean publish) {
        Optional<IndicatorDefinition> definition = readModel.indicator(planCode, indicatorCode, EVERYTHING);
        if (definition.isEmpty()) {
            return; // measurements wait for their definition, which recalculates them when it arrives
        }
        for (int year : years) {
            Evaluation now = IndicatorEvaluator.evaluate(definition.get(), year,
                readModel.actual(planCode, indicatorCode, year, EVERYTHING).orElse(null));
            record(planCode, now, publish);
        }
    }

    /** The plan's years when it is known; before that, the years measured and the target year. */
    private Collection<Integer> years(String planCode, String indicatorCode) {
        Optional<ReadModel.PlanSnapshot> plan = readModel.plan(planCode, EVERYTHING);
        TreeSet<Integer> years = new TreeSet<>(readModel.measuredYears(planCode, indicatorCode));
        if (plan.isPresent()) {
            for (int y = plan.get().plan().firstFiscalYear(); y <= plan.get().plan().lastFiscalYear(); y++) {
                years.add(y);
            }
        }
        readModel.indicator(planCode, indicatorCode, EVERYTHING)
            .map(IndicatorDefinition::targetFiscalYear).filter(Objects::nonNull).ifPresent(years::add);
        return new ArrayList<>(years);
    }

    private void record(String planCode, Evaluation evaluation, boolean publish) {
        String code = evaluation.indicator().code();
        @SuppressWarnings("unchecked")
        List<Object[]> previous = entityManager.createNativeQuery("""
                SELECT status, attainment FROM indicator_result
                WHERE plan_code = :plan AND indicator_code = :code AND fiscal_year = :year""")
            .setParameter("plan", planCode)
            .setParameter("code", code)
            .setParameter("year", evaluation.fiscalYear())
            .getResultList();
        String status = evaluation.status().wire();
        String previousStatus = previous.isEmpty() ? null : (String) previous.get(0)[0];
        BigDecimal previousAttainment = previous.isEmpty() ? null : (BigDecimal) previous.get(0)[1];
        if (status.equals(previousStatus) && sameRate(previousAttainment, evaluation.attainment())) {
            return;
        }
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                INSERT INTO indicator_result (plan_code, indicator_code, fiscal_year, status, attainment, evaluated_at)
                VALUES (:plan, :code, :year, :status, :attainment, :at)
                ON CONFLICT (plan_code, indicator_code, fiscal_year)
                DO UPDATE SET status = EXCLUDED.status, attainment = EXCLUDED.attainment, evaluated_at = EXCLUDED.evaluated_at""")
            .setParameter("plan", planCode)
            .setParameter("code", code)
            .setParameter("year", evaluation.fiscalYear())
            .setParameter("status", status)
            .setParameter("attainment", evaluation.attainment())
            .setParameter("at", now)
            .executeUpdate();
        if (publish && !status.equals(previousStatus)) {
            outbox.append(Topics.EVALUATIONS, planCode, EventTypes.EVALUATION_CHANGED, new EvaluationChanged(planCode, code,
                evaluation.fiscalYear(), previousStatus, status, previousAttainment, evaluation.attainment(), now));
        }
    }

    private static boolean sameRate(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
