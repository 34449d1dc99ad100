package io.planeval.indicator.measurements;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.ReviewPolicy;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.indicator.indicators.Breakdowns;
import io.planeval.indicator.indicators.CodeLists;
import io.planeval.indicator.indicators.Indicator;
import io.planeval.indicator.indicators.IndicatorDocument;
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
        Targets targets = targets(rows);
        KnownPlan plan = targets.plans().get(planCode);
        if (plan == null) {
            throw IndicatorService.unknownPlan(planCode);
        }
        Indicator indicator = targets.indicators().get(key(planCode, indicatorCode));
        if (indicator == null) {
            throw ProblemException.notFound("Plan " + planCode + " has no indicator " + indicatorCode);
        }
        if (targets.detached().contains(indicator.id)) {
            throw ProblemException.conflict(detachedReason(indicator, plan));
        }
        return checkAndStore(rows, targets, i -> "").get(0);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
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
        return checkAndStore(rows, targets(rows), fieldPrefix);
    }

    private List<MeasurementView> checkAndStore(List<Row> rows, Targets targets, IntFunction<String> fieldPrefix) {
        Map<String, KnownPlan> plans = targets.plans();
        Map<String, Indicator> indicators = targets.indicators();
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
            } else if (targets.detached().contains(indicator.id)) {
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

    private static String detachedReason(Indicator indicator, KnownPlan plan) {
        return "indicator " + indicator.code + " belongs to node " + indicator.nodeCode + ", which plan " + plan.code
            + " no longer has (version " + plan.version + "): it takes no measurements until it is moved to a node of the plan";
    }

    private List<MeasurementView> store(List<Row> rows, Map<String, KnownPlan> plans, Map<String, Indicator> indicators) {
        Instant now = Moments.now();
        Actor actor = caller.actor();
        List<Measurement> measurements = new ArrayList<>(rows.size());
        for (Row row : rows) {
            MeasurementInput in = row.input();
            Measurement m = new Measurement();
            m.indicator = indicators.get(key(row.planCode(), row.indicatorCode()));
            m.fiscalYear = in.fiscalYear();
            m.quarter = in.quarter();
            m.month = in.month();
            m.memberKey = MemberKeys.key(in.members());
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
        insertNumbered(measurements);
        List<MeasurementView> stored = measurements.stream()
            .map(m -> MeasurementView.of(m, m.indicator.planCode, m.indicator.code, null))
            .toList();
        outbox.appendAll(stored.stream()
            .map(MeasurementView::event)
            .toList());
        return stored;
    }

    /**
     * Inserts the measurements in one statement, each numbered as the next revision of its period: the database counts
     * the revisions stored before (read after the indicators were locked, so no concurrent post numbers the same), and
     * rows of one request for the same period follow one another in the order posted. Sets each one's id and revision.
     */
    private void insertNumbered(List<Measurement> posted) {
        if (posted.isEmpty()) {
            return;
        }
        Map<String, Deque<Measurement>> byPeriod = new HashMap<>();
        posted.forEach(m -> byPeriod.computeIfAbsent(periodKey(m.indicator.id, m.fiscalYear, m.quarter, m.month, m.memberKey),
            k -> new ArrayDeque<>()).add(m));
        ArrayStatements.run(entityManager, """
                INSERT INTO measurement (id, indicator_id, fiscal_year, quarter, month, member_key, revision, value, outcome, status,
                                         expected_date, describes_date, source_system, note, correction_reason, review,
                                         recorded_at, recorded_by)
                SELECT nextval('measurement_seq'), r.indicator_id, r.fiscal_year, r.quarter, r.month, r.member_key,
                       COALESCE((SELECT max(m.revision) FROM measurement m
                                 WHERE m.indicator_id = r.indicator_id AND m.fiscal_year = r.fiscal_year
                                   AND COALESCE(m.quarter, 0) = COALESCE(r.quarter, 0) AND COALESCE(m.month, 0) = COALESCE(r.month, 0)
                                   AND m.member_key = r.member_key), 0)
                         + row_number() OVER (PARTITION BY r.indicator_id, r.fiscal_year, COALESCE(r.quarter, 0),
                                                           COALESCE(r.month, 0), r.member_key ORDER BY r.ord),
                       r.value::numeric, r.outcome, r.status, r.expected_date::date, r.describes_date::date, r.source_system,
                       r.note, r.correction_reason, r.review, posted.at, posted.by
                FROM unnest(?::bigint[], ?::integer[], ?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                     AS r (indicator_id, fiscal_year, quarter, month, member_key, value, outcome, status, expected_date,
                           describes_date, source_system, note, correction_reason, review, ord),
                     (SELECT ?::timestamptz, ?::jsonb) AS posted (at, by)
                RETURNING id, indicator_id, fiscal_year, quarter, month, member_key, revision""", posted, List.of(
            new Column<Measurement>("bigint", m -> m.indicator.id),
            new Column<Measurement>("integer", m -> m.fiscalYear),
            new Column<Measurement>("integer", m -> m.quarter),
            new Column<Measurement>("integer", m -> m.month),
            new Column<Measurement>("text", m -> m.memberKey),
            new Column<Measurement>("text", m -> m.value == null ? null : m.value.toPlainString()),
            new Column<Measurement>("text", m -> m.outcome == null ? null : Vocabulary.wire(m.outcome)),
            new Column<Measurement>("text", m -> Vocabulary.wire(m.status)),
            new Column<Measurement>("text", m -> Objects.toString(m.expectedDate, null)),
            new Column<Measurement>("text", m -> Objects.toString(m.describesDate, null)),
            new Column<Measurement>("text", m -> m.sourceSystem),
            new Column<Measurement>("text", m -> m.note),
            new Column<Measurement>("text", m -> m.correctionReason),
            new Column<Measurement>("text", m -> Vocabulary.wire(m.review))),
            // A request's rows share their moment and author.
            List.of(posted.get(0).recordedAt, json(posted.get(0).recordedBy)),
            stored -> new Numbered(stored.getLong(1), periodKey(stored.getLong(2), stored.getInt(3), (Integer) stored.getObject(4),
                (Integer) stored.getObject(5), stored.getString(6)), stored.getInt(7)))
            .stream()
            .sorted(Comparator.comparingInt(Numbered::revision))
            // Within a period the revisions rise in the order posted: the lowest is the first row's.
            .forEach(numbered -> {
                Measurement m = byPeriod.get(numbered.period()).removeFirst();
                m.id = numbered.id();
                m.revision = numbered.revision();
            });
    }

    /** A stored row's id and revision, by its period. */
    private record Numbered(long id, String period, int revision) {
    }

    /** An indicator a row names: a bulk post names each once in the statement, however many rows it has for it. */
    private record Named(String planCode, String indicatorCode) {
    }

    /** What a post reads before it checks its rows: the plans they name, the indicators, and which of those are detached. */
    private record Targets(Map<String, KnownPlan> plans, Map<String, Indicator> indicators, Set<Long> detached) {
    }

    /**
     * The plans the rows name (absent: not known) and the indicators they name, locked in id order so that concurrent
     * posts number revisions one after another, in one statement: a post's reads are one round trip. Each indicator
     * comes with what the checks need, and with whether its plan still has its node: one whose node was deleted keeps its
     * history and counts in no evaluation, and takes no measurements until it is moved to a node of the plan, or the node
     * comes back. Array parameters keep the statement's text the same for any number of rows.
     */
    private Targets targets(List<Row> rows) {
        Map<String, KnownPlan> plans = new HashMap<>();
        Map<String, Indicator> indicators = new HashMap<>();
        Set<Long> detached = new HashSet<>();
        ArrayStatements.run(entityManager, """
                WITH locked AS (SELECT id, plan_code, code, node_code, direction, method, organisation,
                                       breakdown::text AS breakdown, formula::text AS formula
                                FROM indicator WHERE plan_code = ANY(?::text[]) AND code = ANY(?::text[])
                                ORDER BY id FOR UPDATE)
                SELECT p.code, p.version, p.first_fiscal_year, p.last_fiscal_year, p.review, l.id, l.code, l.node_code,
                       l.direction, l.method, l.organisation, l.breakdown, l.formula, p.node_codes @> jsonb_build_array(l.node_code)
                FROM known_plan p LEFT JOIN locked l ON l.plan_code = p.code
                WHERE p.code = ANY(?::text[])""", rows.stream().filter(row -> row.planCode() != null)
                .map(row -> new Named(row.planCode(), row.indicatorCode())).distinct().toList(), List.of(
            new Column<Named>("text", Named::planCode),
            new Column<Named>("text", Named::indicatorCode),
            new Column<Named>("text", Named::planCode)), found -> {
                KnownPlan plan = plans.computeIfAbsent(found.getString(1), code -> new KnownPlan());
                plan.code = found.getString(1);
                plan.version = found.getLong(2);
                plan.firstFiscalYear = found.getInt(3);
                plan.lastFiscalYear = found.getInt(4);
                plan.review = Vocabulary.of(ReviewPolicy.class, found.getString(5));
                if (found.getObject(6) != null) {
                    Indicator indicator = new Indicator();
                    indicator.id = found.getLong(6);
                    indicator.planCode = plan.code;
                    indicator.code = found.getString(7);
                    indicator.nodeCode = found.getString(8);
                    indicator.direction = Vocabulary.of(Direction.class, found.getString(9));
                    indicator.method = Vocabulary.of(Method.class, found.getString(10));
                    indicator.organisation = found.getString(11);
                    indicator.breakdown = read(found.getString(12), IndicatorDocument.Breakdown.class);
                    indicator.formula = read(found.getString(13), IndicatorDocument.Formula.class);
                    indicators.put(key(plan.code, indicator.code), indicator);
                    if (!found.getBoolean(14)) {
                        detached.add(indicator.id);
                    }
                }
                return plan;
            });
        return new Targets(plans, indicators, detached);
    }

    /** A JSON column as the stored document (null stays null). */
    private <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    private static String key(String planCode, String indicatorCode) {
        return planCode + "/" + indicatorCode;
    }

    private static String periodKey(long indicatorId, int fiscalYear, Integer quarter, Integer month, String memberKey) {
        return indicatorId + "/" + fiscalYear + "/" + Objects.toString(quarter, "-") + "/" + Objects.toString(month, "-") + "/" + memberKey;
    }
}
