package io.planeval.evaluation.overdue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Actor;
import io.planeval.contracts.TallyOverdue;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.persistence.ArrayStatements;
import io.planeval.support.persistence.ArrayStatements.Column;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.time.Moments;
import io.quarkus.scheduler.Scheduled;

/**
 * Figures reported as being tallied whose expected date has passed: listed per plan as of any moment, and announced
 * on {@code planeval.evaluations} once per such revision, whichever instance finds it first.
 */
@ApplicationScoped
public class OverdueTallies {

    /** Written into the SQL, not bound, so that the planner uses the partial index of tallying measurements (V7). */
    private static final String TALLYING = "'" + Vocabulary.wire(MeasurementStatus.BEING_TALLIED) + "'";

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModel readModel;

    @Inject
    Outbox outbox;

    /** The plan's overdue tallies as of the moment (null: now), the longest overdue first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OverdueTally> of(String planCode, Instant asOf) {
        if (readModel.plan(planCode, asOf == null ? Moments.EVERYTHING_RECORDED : asOf).isEmpty()) {
            throw ProblemException.notFound("Plan " + planCode + " is not known" + (asOf == null ? "" : " as of " + asOf));
        }
        return find(planCode, asOf == null ? Moments.now() : asOf).stream().map(Found::tally).toList();
    }

    @Scheduled(every = "${planeval.evaluation.overdue-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        announce();
    }

    /** Announces each overdue tally of every plan not announced before; returns how many it announced. */
    @Transactional
    public int announce() {
        Instant now = Moments.now();
        List<Found> overdue = find(null, now);
        if (overdue.isEmpty()) {
            return 0;
        }
        Set<Long> announce = new HashSet<>(ArrayStatements.run(entityManager, """
                INSERT INTO overdue_announcement (measurement_id, plan_code, announced_at)
                SELECT id, plan, announced_at::timestamptz FROM unnest(?::bigint[], ?::text[], ?::text[]) AS o (id, plan, announced_at)
                ON CONFLICT DO NOTHING RETURNING measurement_id""", overdue, List.of(
            new Column<Found>("bigint", found -> found.tally().measurementId()),
            new Column<Found>("text", Found::planCode),
            new Column<Found>("text", found -> now.toString())),
            row -> row.getLong(1)));
        List<TallyOverdue> messages = new ArrayList<>();
        for (Found found : overdue) {
            OverdueTally t = found.tally();
            if (announce.contains(t.measurementId())) {
                messages.add(new TallyOverdue(found.planCode(), t.code(), t.fiscalYear(), t.measurementId(), t.revision(),
                    t.expectedDate(), t.daysOverdue(), t.organisation(), t.department(), now));
            }
        }
        outbox.appendAll(messages);
        return messages.size();
    }

    private record Found(String planCode, OverdueTally tally) {
    }

    /**
     * The whole-year revisions in force at the moment that are being tallied with an expected date before that day
     * (Japan time), of one plan or (null) every plan, for indicators defined at that moment.
     */
    @SuppressWarnings("unchecked")
    private List<Found> find(String planCode, Instant moment) {
        LocalDate today = LocalDate.ofInstant(moment, Moments.JAPAN);
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT m.plan_code, m.indicator_code, m.fiscal_year, m.measurement_id, m.revision, m.expected_date, m.recorded_at,
                       m.recorded_by::text, d.definition->>'name', d.definition->>'nodeCode', d.definition->>'organisation',
                       d.definition->>'department'
                FROM measurement m
                CROSS JOIN LATERAL indicator_version_in_force(m.plan_code, m.indicator_code, :moment) d
                WHERE m.status = %s AND m.quarter IS NULL AND m.month IS NULL AND m.expected_date < :today
                  AND m.recorded_at <= :moment AND (CAST(:plan AS text) IS NULL OR m.plan_code = :plan)
                  AND m.measurement_id = (
                    SELECT f.measurement_id FROM measurement_in_force(m.plan_code, m.indicator_code, m.fiscal_year, :moment) f)
                ORDER BY m.expected_date, m.plan_code, m.indicator_code, m.fiscal_year""".formatted(TALLYING))
            .setParameter("today", today)
            .setParameter("moment", moment)
            .setParameter("plan", planCode)
            .getResultList();
        return rows.stream().map(row -> {
            LocalDate expected = row[5] instanceof LocalDate date ? date : ((java.sql.Date) row[5]).toLocalDate();
            int year = ((Number) row[2]).intValue();
            return new Found((String) row[0], new OverdueTally((String) row[1], (String) row[8], (String) row[9], (String) row[10],
                (String) row[11], year, FiscalYears.label(year), expected, (int) ChronoUnit.DAYS.between(expected, today),
                ((Number) row[3]).longValue(), ((Number) row[4]).intValue(), Moments.of(row[6]),
                row[7] == null ? null : readModel.read((String) row[7], Actor.class)));
        }).toList();
    }
}
