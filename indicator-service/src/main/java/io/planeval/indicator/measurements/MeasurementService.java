package io.planeval.indicator.measurements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.StatelessSession;
import org.hibernate.jpa.HibernateHints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.ReviewPolicy;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.indicator.indicators.Breakdowns;
import io.planeval.indicator.indicators.CodeLists;
import io.planeval.indicator.indicators.Indicator;
import io.planeval.indicator.indicators.IndicatorService;
import io.planeval.indicator.locks.LockedYears;
import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.http.Page;
import io.planeval.support.members.MemberKeys;
import io.planeval.support.http.QueryParams;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.persistence.ArrayStatements;
import io.planeval.support.persistence.ArrayStatements.Column;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.security.Roles;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;

/**
 * Stores measurements, all or nothing: every row is checked first, then each becomes the next revision of its
 * indicator and period, with its measurement-updated event in the same transaction.
 */
@ApplicationScoped
public class MeasurementService {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    StatelessSession statelessSession;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Caller caller;

    @Inject
    LockedYears lockedYears;

    /** The response to a post: the stored one again when {@code replayed}. */
    public record Posted(int status, String body, boolean replayed) {
    }

    /** A posted measurement with the plan and indicator it is for. */
    public record Row(String planCode, String indicatorCode, MeasurementInput input) {
    }

    /**
     * Runs {@code work} (which stores measurements) once per idempotency key: a repeat of the same request gets
     * the stored response and stores nothing; without a key every request stores.
     */
    @Transactional
    public Posted post(String idempotencyKey, String requestHash, Supplier<Object> work) {
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.StoredResponse> prior = idempotencyKeys.claim(idempotencyKey, requestHash);
            if (prior.isPresent()) {
                return new Posted(prior.get().status(), prior.get().body(), true);
            }
        }
        String body = json(work.get());
        if (idempotencyKey != null) {
            idempotencyKeys.complete(idempotencyKey, 201, body);
        }
        return new Posted(201, body, false);
    }

    /** One measurement posted to its indicator's URL: an unknown plan or indicator is 404, not a bad row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MeasurementView recordOne(String planCode, String indicatorCode, MeasurementInput input) {
        List<Row> rows = List.of(new Row(planCode, indicatorCode, input));
        Map<String, KnownPlan> plans = plans(rows);
        if (plans.get(planCode) == null) {
            throw IndicatorService.unknownPlan(planCode);
        }
        Map<String, Indicator> indicators = lockIndicators(rows);
        if (indicators.isEmpty()) {
            throw ProblemException.notFound("Plan " + planCode + " has no indicator " + indicatorCode);
        }
        Indicator indicator = indicators.values().iterator().next();
        if (detached(indicator, plans.get(planCode))) {
            throw ProblemException.conflict(detachedReason(indicator, plans.get(planCode)));
        }
        return checkAndStore(rows, plans, indicators, i -> "").get(0);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response", e);
        }
    }

    /** A page of the indicator's revisions, newest first, after the (recordedAt, id) the cursor holds. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeasurementView> revisions(String planCode, String indicatorCode, Integer fiscalYear, int limit, String cursor) {
        IndicatorService.knownPlan(planCode);
        Indicator indicator = Indicator.find(planCode, indicatorCode)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " has no indicator " + indicatorCode));
        return newestFirst("m.indicator = :indicator", Map.of("indicator", indicator), fiscalYear, limit, cursor);
    }

    /** A page of the plan's corrections (revisions with a reason), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeasurementView> corrections(String planCode, Integer fiscalYear, int limit, String cursor) {
        IndicatorService.knownPlan(planCode);
        return newestFirst("m.indicator.planCode = :plan AND m.correctionReason IS NOT NULL", Map.of("plan", planCode),
            fiscalYear, limit, cursor);
    }

    private Page<MeasurementView> newestFirst(String where, Map<String, Object> parameters, Integer fiscalYear, int limit, String cursor) {
        List<String> after = QueryParams.cursorKeys(cursor, 2);
        Instant afterTime;
        long afterId;
        try {
            afterTime = after == null ? Moments.EVERYTHING_RECORDED : Instant.parse(after.get(0));
            afterId = after == null ? Long.MAX_VALUE : Long.parseLong(after.get(1));
        } catch (RuntimeException e) {
            throw QueryParams.invalidCursor();
        }
        var query = entityManager.createQuery("SELECT m FROM Measurement m JOIN FETCH m.indicator WHERE " + where + """
                 AND (:year IS NULL OR m.fiscalYear = :year)
                  AND (m.recordedAt < :time OR (m.recordedAt = :time AND m.id < :id))
                ORDER BY m.recordedAt DESC, m.id DESC""", Measurement.class)
            .setParameter("year", fiscalYear)
            .setParameter("time", afterTime)
            .setParameter("id", afterId)
            .setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<Measurement> found = query.getResultList();
        Map<Long, MeasurementReview> decisions = decisions(found);
        return Page.of(found.stream().map(m -> MeasurementView.of(m, m.indicator.planCode, m.indicator.code, decisions.get(m.id))).toList(), limit,
            m -> QueryParams.cursor(m.recordedAt().toString(), Long.toString(m.id())));
    }

    /** The reviewers' decisions on these revisions, by measurement id (one query for a page). */
    static Map<Long, MeasurementReview> decisions(List<Measurement> revisions) {
        List<Long> submitted = revisions.stream().filter(m -> m.review == ReviewState.SUBMITTED).map(m -> m.id).toList();
        Map<Long, MeasurementReview> decisions = new HashMap<>();
        if (!submitted.isEmpty()) {
            MeasurementReview.<MeasurementReview>list("measurementId in ?1", submitted).forEach(d -> decisions.put(d.measurementId, d));
        }
        return decisions;
    }

    /**
     * Stores every row or none. {@code fieldPrefix} names a row in violations ({@code [3].} for JSON,
     * {@code line 4: } for CSV), so a client can find each bad row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MeasurementView> record(List<Row> rows, IntFunction<String> fieldPrefix) {
        return checkAndStore(rows, plans(rows), lockIndicators(rows), fieldPrefix);
    }

    private List<MeasurementView> checkAndStore(List<Row> rows, Map<String, KnownPlan> plans, Map<String, Indicator> indicators,
                                                IntFunction<String> fieldPrefix) {
        List<Violation> violations = new ArrayList<>();
        // Read after the indicators are locked: a lock taken meanwhile has waited for them, or is seen here.
        Map<String, Set<Integer>> locked = lockedYears.of(plans.keySet());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String at = fieldPrefix.apply(i);
            if (row.input() == null) {
                violations.add(new Violation(at.isEmpty() ? "body" : at, "must be a measurement, not null"));
                continue;
            }
            KnownPlan plan = row.planCode() == null ? null : plans.get(row.planCode());
            Indicator indicator = indicators.get(key(row.planCode(), row.indicatorCode()));
            if (row.planCode() == null) {
                violations.add(new Violation(at + "planCode", "is required"));
            } else if (plan == null) {
                violations.add(new Violation(at + "planCode", Text.excerpt(row.planCode()) + " is not a known plan"));
            } else if (row.indicatorCode() == null) {
                violations.add(new Violation(at + "indicatorCode", "is required"));
            } else if (indicator == null) {
                violations.add(new Violation(at + "indicatorCode", "plan " + row.planCode() + " has no indicator "
                    + Text.excerpt(row.indicatorCode())));
            } else if (detached(indicator, plan)) {
                violations.add(new Violation(at + "indicatorCode", detachedReason(indicator, plan)));
            } else {
                MeasurementRules.check(at, row.input(), indicator, plan, locked.getOrDefault(plan.code, Set.of()), violations);
            }
        }
        List<Violation> foreign = foreignRows(rows, indicators, fieldPrefix);
        if (!foreign.isEmpty()) {
            throw ProblemException.forbidden(foreign);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return store(rows, plans, indicators);
    }

    /**
     * The rows for indicators of another organisation than the caller's: a reporter posts only for its own
     * organisation's indicators (operations for any). One such row refuses the whole post, and each is named.
     */
    private List<Violation> foreignRows(List<Row> rows, Map<String, Indicator> indicators, IntFunction<String> fieldPrefix) {
        if (caller.hasRole(Roles.OPS)) {
            return List.of();
        }
        String organisation = caller.organisation();
        List<Violation> foreign = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Indicator indicator = indicators.get(key(rows.get(i).planCode(), rows.get(i).indicatorCode()));
            MeasurementInput input = rows.get(i).input();
            if (indicator != null && input != null && input.members() != null && indicator.breakdown != null
                && !reportsFor(indicator, organisation) && input.members().containsKey(CodeLists.MUNICIPALITY)) {
                // A municipality posts its own part of the prefecture's indicator, and no other municipality's.
                if (!Breakdowns.isOwnPart(input.members(), organisation)) {
                    foreign.add(new Violation(fieldPrefix.apply(i) + "members." + CodeLists.MUNICIPALITY, "municipality "
                        + Text.excerpt(input.members().get(CodeLists.MUNICIPALITY)) + "'s figure of " + indicator.code + " is reported by "
                        + "that municipality or " + (indicator.organisation == null ? "operations" : "organisation " + indicator.organisation)
                        + ", not by " + (organisation == null ? "a token without an organisation" : organisation)));
                }
                continue;
            }
            if (indicator != null && !reportsFor(indicator, organisation)) {
                String at = fieldPrefix.apply(i);
                foreign.add(new Violation(at + "indicatorCode", indicator.code + " is reported by "
                    + (indicator.organisation == null ? "operations only" : "organisation " + indicator.organisation)
                    + ", not by " + (organisation == null ? "a token without an organisation" : organisation)));
            }
        }
        return foreign;
    }

    private static boolean reportsFor(Indicator indicator, String organisation) {
        return indicator.organisation != null && indicator.organisation.equals(organisation);
    }

    /**
     * An indicator whose node its plan no longer has (the node was deleted): it keeps its history and counts in no
     * evaluation, and takes no measurements until it is moved to a node of the plan, or the node comes back.
     */
    static boolean detached(Indicator indicator, KnownPlan plan) {
        return plan != null && !plan.nodeCodes.contains(indicator.nodeCode);
    }

    private static String detachedReason(Indicator indicator, KnownPlan plan) {
        return "indicator " + indicator.code + " belongs to node " + indicator.nodeCode + ", which plan " + plan.code
            + " no longer has (version " + plan.version + "): it takes no measurements until it is moved to a node of the plan";
    }

    private List<MeasurementView> store(List<Row> rows, Map<String, KnownPlan> plans, Map<String, Indicator> indicators) {
        Map<String, Integer> lastRevision = lastRevisions(rows, indicators);
        Instant now = Moments.now();
        Actor actor = caller.actor();
        List<Measurement> measurements = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Indicator indicator = indicators.get(key(row.planCode(), row.indicatorCode()));
            MeasurementInput in = row.input();
            Measurement m = new Measurement();
            m.indicator = indicator;
            m.fiscalYear = in.fiscalYear();
            m.quarter = in.quarter();
            m.month = in.month();
            m.memberKey = MemberKeys.key(in.members());
            m.revision = lastRevision.merge(periodKey(indicator.id, in), 1, Integer::sum);
            m.value = in.value();
            m.outcome = in.outcome();
            m.status = in.status();
            m.expectedDate = in.expectedDate();
            m.describesDate = in.describesDate();
            m.sourceSystem = in.sourceSystem();
            m.note = in.note();
            m.correctionReason = in.correctionReason();
            m.recordedAt = now;
            m.recordedBy = actor;
            m.review = plans.get(row.planCode()).review == ReviewPolicy.REQUIRED ? ReviewState.SUBMITTED : ReviewState.APPROVED;
            measurements.add(m);
        }
        // Rows that are only ever added need no persistence context: JDBC batches, no flush or dirty checking.
        statelessSession.insertMultiple(measurements);
        List<MeasurementView> stored = measurements.stream()
            .map(m -> MeasurementView.of(m, m.indicator.planCode, m.indicator.code, null))
            .toList();
        outbox.appendAll(stored.stream()
            .map(MeasurementView::event)
            .toList());
        return stored;
    }

    /** The plans the rows name (null for one not known), read only: a post never changes them. */
    private Map<String, KnownPlan> plans(List<Row> rows) {
        Map<String, KnownPlan> plans = new HashMap<>();
        for (Row row : rows) {
            if (row.planCode() != null && !plans.containsKey(row.planCode())) {
                plans.put(row.planCode(), entityManager.createQuery("FROM KnownPlan WHERE code = :code", KnownPlan.class)
                    .setParameter("code", row.planCode())
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultStream().findFirst().orElse(null));
            }
        }
        return plans;
    }

    /**
     * The indicators the rows name, locked in id order so that concurrent posts number revisions one after another.
     * Native SQL with array parameters: its text is the same for any number of rows, so nothing is translated again
     * for each post (a query binding lists is).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Indicator> lockIndicators(List<Row> rows) {
        Set<String> planCodes = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        rows.stream().filter(r -> r.planCode() != null && r.indicatorCode() != null).forEach(r -> {
            planCodes.add(r.planCode());
            codes.add(r.indicatorCode());
        });
        Map<String, Indicator> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        ((List<Indicator>) entityManager.createNativeQuery("""
                SELECT * FROM indicator WHERE plan_code = ANY(CAST(:plans AS text[])) AND code = ANY(CAST(:codes AS text[]))
                ORDER BY id FOR UPDATE""", Indicator.class)
            .setParameter("plans", planCodes.toArray(String[]::new))
            .setParameter("codes", codes.toArray(String[]::new))
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .getResultList())
            .forEach(indicator -> found.put(key(indicator.planCode, indicator.code), indicator));
        return found;
    }

    /**
     * The last revision of each period the rows post to, keyed by {@link #periodKey}: one index lookup per period,
     * however many revisions it already has.
     */
    private Map<String, Integer> lastRevisions(List<Row> rows, Map<String, Indicator> indicators) {
        Map<String, Row> periods = new LinkedHashMap<>();
        for (Row row : rows) {
            periods.putIfAbsent(periodKey(indicators.get(key(row.planCode(), row.indicatorCode())).id, row.input()), row);
        }
        List<String> keys = List.copyOf(periods.keySet());
        Map<String, Integer> last = new HashMap<>();
        ArrayStatements.run(entityManager, """
                SELECT p.ord, (SELECT max(m.revision) FROM measurement m
                               WHERE m.indicator_id = p.indicator_id AND m.fiscal_year = p.fiscal_year
                                 AND COALESCE(m.quarter, 0) = p.quarter AND COALESCE(m.month, 0) = p.month
                                 AND m.member_key = p.member_key)
                FROM unnest(?::bigint[], ?::integer[], ?::integer[], ?::integer[], ?::text[]) WITH ORDINALITY
                     AS p (indicator_id, fiscal_year, quarter, month, member_key, ord)""", List.copyOf(periods.values()), List.of(
            new Column<Row>("bigint", row -> indicators.get(key(row.planCode(), row.indicatorCode())).id),
            new Column<Row>("integer", row -> row.input().fiscalYear()),
            new Column<Row>("integer", row -> Objects.requireNonNullElse(row.input().quarter(), 0)),
            new Column<Row>("integer", row -> Objects.requireNonNullElse(row.input().month(), 0)),
            new Column<Row>("text", row -> MemberKeys.key(row.input().members()))),
            result -> last.put(keys.get(result.getInt(1) - 1), result.getInt(2)));
        return last;
    }

    private static String key(String planCode, String indicatorCode) {
        return planCode + "/" + indicatorCode;
    }

    private static String periodKey(long indicatorId, MeasurementInput in) {
        return indicatorId + "/" + in.fiscalYear() + "/" + Objects.toString(in.quarter(), "-") + "/" + Objects.toString(in.month(), "-")
            + "/" + MemberKeys.key(in.members());
    }
}
