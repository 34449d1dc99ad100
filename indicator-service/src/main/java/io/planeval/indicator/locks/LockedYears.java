package io.planeval.indicator.locks;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Actor;
import io.planeval.indicator.indicators.IndicatorService;
import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Caller;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;

/**
 * The fiscal years each plan has locked. They live here, beside the measurements they guard, so that a lock and a
 * post cannot pass each other: locking takes every indicator row of the plan, which each post locks too, so it waits
 * for the posts in flight and every post after it sees the lock.
 */
@ApplicationScoped
public class LockedYears {

    static final int MAX_NOTE = 2000;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Caller caller;

    /** The outcome of a lock: {@code created} false when the year was locked already (the lock is unchanged). */
    public record Locked(LockedYear year, boolean created) {
    }

    /** The locked years of each of these plans (plans with none are absent). */
    @SuppressWarnings("unchecked")
    public Map<String, Set<Integer>> of(Collection<String> planCodes) {
        Map<String, Set<Integer>> locked = new HashMap<>();
        if (planCodes.isEmpty()) {
            return locked;
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT plan_code, fiscal_year FROM fiscal_year_lock WHERE plan_code = ANY(CAST(:plans AS text[]))")
            .setParameter("plans", planCodes.toArray(String[]::new))
            .getResultList();
        rows.forEach(row -> locked.computeIfAbsent((String) row[0], p -> new HashSet<>()).add(((Number) row[1]).intValue()));
        return locked;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LockedYear> list(String planCode) {
        IndicatorService.knownPlan(planCode);
        return query("WHERE plan_code = :plan ORDER BY fiscal_year", planCode, null);
    }

    @Transactional
    public Locked lock(String planCode, String fiscalYear, LockRequest request) {
        KnownPlan plan = IndicatorService.knownPlan(planCode);
        int year = year(plan, fiscalYear);
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required: {\"note\": \"…\"}, or {} when there is nothing to say");
        }
        String note = request.note();
        if (note != null && (note.length() > MAX_NOTE || Text.fault(note) != null)) {
            throw ProblemException.invalid("note", note.length() > MAX_NOTE ? "is longer than " + MAX_NOTE + " characters" : Text.fault(note));
        }
        Optional<LockedYear> existing = find(planCode, year);
        if (existing.isPresent()) {
            return new Locked(existing.get(), false);
        }
        // Waits for the posts in flight to this plan's indicators; each later post sees the lock.
        entityManager.createNativeQuery("SELECT id FROM indicator WHERE plan_code = :plan ORDER BY id FOR UPDATE")
            .setParameter("plan", planCode).getResultList();
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO fiscal_year_lock (plan_code, fiscal_year, locked_at, locked_by, note)
                VALUES (:plan, :year, :at, CAST(:by AS jsonb), :note) ON CONFLICT DO NOTHING""")
            .setParameter("plan", planCode)
            .setParameter("year", year)
            .setParameter("at", Moments.now())
            .setParameter("by", json(caller.actor()))
            .setParameter("note", note)
            .executeUpdate();
        return new Locked(find(planCode, year).orElseThrow(), inserted == 1);
    }

    private static int year(KnownPlan plan, String fiscalYear) {
        int year = QueryParams.fiscalYear(fiscalYear);
        if (!plan.covers(year)) {
            throw ProblemException.invalid("fiscalYear", year + " is outside plan " + plan.code
                + " (" + plan.firstFiscalYear + "–" + plan.lastFiscalYear + ")");
        }
        return year;
    }

    private Optional<LockedYear> find(String planCode, int year) {
        return query("WHERE plan_code = :plan AND fiscal_year = :year", planCode, year).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<LockedYear> query(String where, String planCode, Integer year) {
        var query = entityManager.createNativeQuery(
            "SELECT plan_code, fiscal_year, locked_at, locked_by::text, note FROM fiscal_year_lock " + where)
            .setParameter("plan", planCode);
        if (year != null) {
            query.setParameter("year", year);
        }
        return ((List<Object[]>) query.getResultList()).stream()
            .map(row -> new LockedYear((String) row[0], ((Number) row[1]).intValue(), FiscalYears.label(((Number) row[1]).intValue()),
                Moments.of(row[2]), actor((String) row[3]), (String) row[4]))
            .toList();
    }

    private String json(Actor actor) {
        try {
            return objectMapper.writeValueAsString(actor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Actor actor(String json) {
        try {
            return json == null ? null : objectMapper.readValue(json, Actor.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a lock's actor", e);
        }
    }
}
