package io.planeval.evaluation.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.ChangeKind;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.members.MemberKeys;
import io.planeval.support.time.Moments;

/**
 * A plan's audit trail, from the read model's versions and revisions: every plan change, indicator definition change,
 * measurement revision and review decision, and every revision of the committee's words, with who made it and when,
 * newest first. The read model only ever adds rows, so the trail
 * cannot be edited; a rebuild restores it from the events, which carry their authors.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModel readModel;

    @Transactional(Transactional.TxType.SUPPORTS)
    /** The plan's trail between two moments, newest first; with {@code code}, only the entries about that indicator (or node). */
    public Page<AuditEntry> between(String planCode, String code, Instant from, Instant to, int limit, String cursor) {
        List<String> after = QueryParams.cursorKeys(cursor, 5);
        Object[] key;
        try {
            key = after == null ? null : new Object[] {Timestamp.from(Instant.parse(after.get(0))), after.get(1), after.get(2),
                after.get(3), Long.parseLong(after.get(4))};
        } catch (RuntimeException e) {
            throw QueryParams.invalidCursor();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT at, kind, code, fiscal_year, number, actor::text, correction_reason, decision, reason, member FROM (
                    SELECT changed_at AS at, CAST(:planKind AS text) AS kind, plan_code AS code, NULL::integer AS fiscal_year, version AS number,
                           changed_by AS actor, NULL::text AS correction_reason, NULL::text AS decision, NULL::text AS reason, '' AS member
                    FROM plan_version WHERE plan_code = :plan
                    UNION ALL
                    SELECT changed_at, CAST(:indicatorKind AS text), indicator_code, NULL::integer, version, changed_by, NULL, NULL, NULL, ''
                    FROM indicator_version WHERE plan_code = :plan
                    UNION ALL
                    SELECT recorded_at, CAST(:measurementKind AS text), indicator_code, fiscal_year, revision, recorded_by, correction_reason,
                           NULL, NULL, member_key
                    FROM measurement WHERE plan_code = :plan
                    UNION ALL
                    SELECT r.decided_at, CAST(:reviewKind AS text), r.indicator_code, r.fiscal_year, r.revision, r.decided_by, NULL, r.decision,
                           r.reason, coalesce(m.member_key, '')
                    FROM measurement_review r LEFT JOIN measurement m ON m.measurement_id = r.measurement_id WHERE r.plan_code = :plan
                    UNION ALL
                    SELECT written_at, subject || '_narrative', code, fiscal_year, revision, written_by, NULL, NULL, NULL, ''
                    FROM narrative_revision WHERE plan_code = :plan) trail
                WHERE at >= :from AND at <= :to AND (CAST(:code AS text) IS NULL OR code = CAST(:code AS text))
                  AND (CAST(:afterAt AS timestamptz) IS NULL
                       OR (at, kind, code, member, number) < (CAST(:afterAt AS timestamptz), CAST(:afterKind AS text), CAST(:afterCode AS text),
                                                              CAST(:afterMember AS text), CAST(:afterNumber AS bigint)))
                ORDER BY at DESC, kind DESC, code DESC, member DESC, number DESC
                LIMIT :limit""")
            .setParameter("plan", planCode)
            .setParameter("planKind", Vocabulary.wire(ChangeKind.PLAN))
            .setParameter("indicatorKind", Vocabulary.wire(ChangeKind.INDICATOR))
            .setParameter("measurementKind", Vocabulary.wire(ChangeKind.MEASUREMENT))
            .setParameter("reviewKind", Vocabulary.wire(ChangeKind.REVIEW))
            .setParameter("code", code)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("afterAt", key == null ? null : key[0])
            .setParameter("afterKind", key == null ? null : key[1])
            .setParameter("afterCode", key == null ? null : key[2])
            .setParameter("afterMember", key == null ? null : key[3])
            .setParameter("afterNumber", key == null ? null : key[4])
            .setParameter("limit", limit + 1)
            .getResultList();
        List<AuditEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            entries.add(new AuditEntry(Moments.of(row[0]), Vocabulary.of(ChangeKind.class, (String) row[1]), (String) row[2],
                row[3] == null ? null : ((Number) row[3]).intValue(), ((Number) row[4]).longValue(),
                row[5] == null ? null : readModel.read((String) row[5], Actor.class), (String) row[6],
                row[7] == null ? null : Vocabulary.of(ReviewState.class, (String) row[7]), (String) row[8], MemberKeys.members((String) row[9])));
        }
        return Page.of(entries, limit, entry -> QueryParams.cursor(entry.at().toString(), Vocabulary.wire(entry.kind()), entry.code(),
            MemberKeys.key(entry.members()), Long.toString(entry.number())));
    }
}
