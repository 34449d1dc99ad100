package io.planeval.evaluation.live;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.evaluation.report.Rate;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.time.Moments;

/**
 * The log of result changes ({@code evaluation_change}, written by the recalculation), read in commit order: only
 * rows of transactions that have all finished, so a row committed late never lands behind a position already sent.
 */
@ApplicationScoped
public class ChangeLog {

    /** A change at its place in the stream. */
    record Entry(Position position, ResultChange change) {
    }

    private static final String FINISHED = "tx < pg_snapshot_xmin(pg_current_snapshot())";

    @Inject
    EntityManager entityManager;

    /** The last change of finished transactions: where a stream starts that wants only what comes next. */
    @Transactional
    Position latest() {
        List<?> rows = entityManager.createNativeQuery("SELECT tx::text, id FROM evaluation_change WHERE " + FINISHED
            + " ORDER BY tx DESC, id DESC LIMIT 1").getResultList();
        return rows.isEmpty() ? Position.START : position((Object[]) rows.get(0));
    }

    /** Up to {@code limit} changes after {@code after}, of one plan or (planCode null) of all. */
    @Transactional
    List<Entry> after(Position after, String planCode, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT tx::text, id, plan_code, indicator_code, kind, node_code, fiscal_year, status, attainment, changed_at
                FROM evaluation_change
                WHERE (tx, id) > (CAST(CAST(:tx AS text) AS xid8), :id) AND (CAST(:plan AS text) IS NULL OR plan_code = :plan)
                """ + " AND " + FINISHED + " ORDER BY tx, id LIMIT :limit")
            .setParameter("tx", after.tx().toString())
            .setParameter("id", after.id())
            .setParameter("plan", planCode)
            .setParameter("limit", limit)
            .getResultList();
        return rows.stream().map(row -> new Entry(position(row), resultChange(row))).toList();
    }

    /** A row of plan, indicator, kind, node, year, status, attainment and when it changed (after the position's two). */
    private static ResultChange resultChange(Object[] row) {
        EvaluationStatus status = Vocabulary.of(EvaluationStatus.class, (String) row[7]);
        return new ResultChange((String) row[2], (String) row[3], Vocabulary.of(IndicatorKind.class, (String) row[4]),
            (String) row[5], ((Number) row[6]).intValue(), FiscalYears.label(((Number) row[6]).intValue()), status, status.label(),
            Rate.oneDecimal((BigDecimal) row[8]), Moments.of(row[9]));
    }

    /** Whether the change at this position is still kept: if not, a client resuming from it may have missed some. */
    @Transactional
    boolean kept(Position position) {
        return !entityManager.createNativeQuery("SELECT 1 FROM evaluation_change WHERE tx = CAST(CAST(:tx AS text) AS xid8) AND id = :id")
            .setParameter("tx", position.tx().toString())
            .setParameter("id", position.id())
            .getResultList().isEmpty();
    }

    /** Forgets changes older than {@code before}. */
    @Transactional
    int prune(Instant before) {
        return entityManager.createNativeQuery("DELETE FROM evaluation_change WHERE changed_at < :before")
            .setParameter("before", before)
            .executeUpdate();
    }

    private static Position position(Object[] row) {
        return new Position(new BigInteger((String) row[0]), ((Number) row[1]).longValue());
    }
}
