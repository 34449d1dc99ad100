package io.planeval.evaluation.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Actor;
import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.MeasurementReviewed;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.ComputedFigures;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.attainment.MemberFigures;
import io.planeval.support.formula.Formula;
import io.planeval.support.members.MemberKeys;
import io.planeval.support.notice.CommitNotices;
import io.planeval.support.persistence.ArrayStatements;
import io.planeval.support.persistence.ArrayStatements.Column;
import io.planeval.support.time.Moments;

/**
 * The evaluation's own copy of plans, indicator definitions and measurements, every version kept with its source
 * time. Writes are idempotent (a version or revision already stored is left alone); reads take a moment and see
 * only what had been recorded by then.
 */
@ApplicationScoped
public class ReadModel {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CommitNotices notices;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    PlanStates planStates;

    /** The channel on which a transaction that changed the read model gives notice at its commit. */
    public static final String CHANGED_CHANNEL = "planeval_evaluation_change";

    /** A plan as of a moment. */
    public record PlanSnapshot(String code, long version, Instant changedAt, PlanChanged.Plan plan) {
    }

    /** Stores the plan versions in one statement; returns those not stored before. */
    public List<PlanChanged> storePlans(List<PlanChanged> events) {
        Set<String> stored = insertAll("""
                INSERT INTO plan_version (plan_code, version, changed_at, changed_by, document)
                SELECT plan, version, changed_at::timestamptz, changed_by::jsonb, document::jsonb
                FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) AS e (plan, version, changed_at, changed_by, document)
                ON CONFLICT DO NOTHING RETURNING plan_code, version""", events, List.of(
            new Column<>("text", PlanChanged::planCode),
            new Column<>("bigint", PlanChanged::version),
            new Column<>("text", e -> e.changedAt().toString()),
            new Column<>("text", e -> json(e.changedBy())),
            new Column<>("text", e -> json(e.plan()))));
        return events.stream().filter(e -> stored.remove(key(e.planCode(), e.version()))).toList();
    }

    /** Stores the indicator versions in one statement; returns those not stored before. */
    public List<IndicatorChanged> storeIndicators(List<IndicatorChanged> events) {
        Set<String> stored = insertAll("""
                INSERT INTO indicator_version (plan_code, indicator_code, version, changed_at, changed_by, definition)
                SELECT plan, code, version, changed_at::timestamptz, changed_by::jsonb, definition::jsonb
                FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                     AS e (plan, code, version, changed_at, changed_by, definition)
                ON CONFLICT DO NOTHING RETURNING plan_code, indicator_code, version""", events, List.of(
            new Column<>("text", IndicatorChanged::planCode),
            new Column<>("text", IndicatorChanged::indicatorCode),
            new Column<>("bigint", IndicatorChanged::version),
            new Column<>("text", e -> e.changedAt().toString()),
            new Column<>("text", e -> json(e.changedBy())),
            new Column<>("text", e -> json(e.indicator()))));
        return events.stream().filter(e -> stored.remove(key(e.planCode(), e.indicatorCode(), e.version()))).toList();
    }

    /** Stores the measurements in one statement; returns those not stored before. */
    public List<MeasurementUpdated> storeMeasurements(List<MeasurementUpdated> events) {
        Set<String> stored = insertAll("""
                INSERT INTO measurement (measurement_id, plan_code, indicator_code, fiscal_year, quarter, month, revision,
                                         value, outcome, status, recorded_at, recorded_by, correction_reason,
                                         expected_date, review, member_key)
                SELECT id, plan, code, year, quarter, month, revision, value::numeric, outcome, status, recorded_at::timestamptz,
                       recorded_by::jsonb, correction_reason, expected_date::date, review, member_key
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::integer[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS e (id, plan, code, year, quarter, month, revision, value, outcome, status, recorded_at, recorded_by,
                           correction_reason, expected_date, review, member_key)
                ON CONFLICT DO NOTHING RETURNING measurement_id""", events, List.of(
            new Column<>("bigint", MeasurementUpdated::measurementId),
            new Column<>("text", MeasurementUpdated::planCode),
            new Column<>("text", MeasurementUpdated::indicatorCode),
            new Column<>("integer", MeasurementUpdated::fiscalYear),
            new Column<>("integer", MeasurementUpdated::quarter),
            new Column<>("integer", MeasurementUpdated::month),
            new Column<>("integer", MeasurementUpdated::revision),
            // Exact decimals and instants travel as their text, which PostgreSQL reads back exactly.
            new Column<>("text", e -> e.value() == null ? null : e.value().toPlainString()),
            new Column<>("text", e -> e.outcome() == null ? null : Vocabulary.wire(e.outcome())),
            new Column<>("text", e -> Vocabulary.wire(e.status())),
            new Column<>("text", e -> e.recordedAt().toString()),
            new Column<>("text", e -> json(e.recordedBy())),
            new Column<>("text", MeasurementUpdated::correctionReason),
            new Column<>("text", e -> e.expectedDate() == null ? null : e.expectedDate().toString()),
            new Column<>("text", e -> Vocabulary.wire(e.review())),
            new Column<>("text", e -> MemberKeys.key(e.members()))));
        return events.stream().filter(e -> stored.remove(key(e.measurementId()))).toList();
    }

    /** Stores the review decisions in one statement (one per revision); returns those not stored before. */
    public List<MeasurementReviewed> storeReviews(List<MeasurementReviewed> events) {
        Set<String> stored = insertAll("""
                INSERT INTO measurement_review (measurement_id, plan_code, indicator_code, fiscal_year, revision, decision, reason,
                                                decided_at, decided_by)
                SELECT id, plan, code, year, revision, decision, reason, decided_at::timestamptz, decided_by::jsonb
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS e (id, plan, code, year, revision, decision, reason, decided_at, decided_by)
                ON CONFLICT DO NOTHING RETURNING measurement_id""", events, List.of(
            new Column<>("bigint", MeasurementReviewed::measurementId),
            new Column<>("text", MeasurementReviewed::planCode),
            new Column<>("text", MeasurementReviewed::indicatorCode),
            new Column<>("integer", MeasurementReviewed::fiscalYear),
            new Column<>("integer", MeasurementReviewed::revision),
            new Column<>("text", e -> Vocabulary.wire(e.decision())),
            new Column<>("text", MeasurementReviewed::reason),
            new Column<>("text", e -> e.decidedAt().toString()),
            new Column<>("text", e -> json(e.decidedBy()))));
        return events.stream().filter(e -> stored.remove(key(e.measurementId()))).toList();
    }

    /** Removes the plan's results other than these (their indicator or year is no longer evaluated). */
    public void keepResults(String planCode, List<Evaluation> kept) {
        entityManager.createNativeQuery("""
                DELETE FROM recalculated_result r WHERE r.plan_code = :plan AND NOT EXISTS (
                    SELECT 1 FROM unnest(CAST(:codes AS text[]), CAST(:years AS integer[])) AS k (code, year)
                    WHERE k.code = r.indicator_code AND k.year = r.fiscal_year)""")
            .setParameter("plan", planCode)
            .setParameter("codes", kept.stream().map(e -> e.indicator().code()).toArray(String[]::new))
            .setParameter("years", kept.stream().map(Evaluation::fiscalYear).toArray(Integer[]::new))
            .executeUpdate();
    }

    /** Removes the results of every plan but these. */
    public void keepResultsOf(Collection<String> planCodes) {
        entityManager.createNativeQuery("DELETE FROM recalculated_result WHERE NOT (plan_code = ANY(CAST(:plans AS text[])))")
            .setParameter("plans", planCodes.toArray(String[]::new))
            .executeUpdate();
    }

    /** Inserts the events with one statement; returns the keys its RETURNING clause gives for the rows it inserted. */
    private <T> Set<String> insertAll(String sql, List<T> events, List<Column<T>> columns) {
        return new HashSet<>(ArrayStatements.run(entityManager, sql, events, columns, row -> {
            Object[] key = new Object[row.getMetaData().getColumnCount()];
            for (int c = 0; c < key.length; c++) {
                key[c] = row.getObject(c + 1);
            }
            return key(key);
        }));
    }

    /** A row's key as {@link #insertAll} returns it. */
    private static String key(Object... parts) {
        return Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("\u001f"));
    }

    public Optional<PlanSnapshot> plan(String planCode, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT version, changed_at, document::text FROM plan_version
                WHERE plan_code = :plan AND changed_at <= :asOf ORDER BY version DESC LIMIT 1""")
            .setParameter("plan", planCode)
            .setParameter("asOf", asOf)
            .getResultList();
        return rows.stream().findFirst().map(row -> new PlanSnapshot(planCode, ((Number) row[0]).longValue(),
            Moments.of(row[1]), read((String) row[2], PlanChanged.Plan.class)));
    }

    /**
     * The plan's generation and whether its latest version makes it open data, or empty for a plan not known: what
     * every evaluation read asks first ({@link PlanStates} keeps it), so only that flag is read, not the whole plan.
     */
    Optional<PlanStates.PlanState> state(String planCode) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT coalesce((document->>'openData')::boolean, false),
                       coalesce((SELECT generation FROM plan_generation WHERE plan_code = :plan), 0)
                FROM plan_version WHERE plan_code = :plan ORDER BY version DESC LIMIT 1""")
            .setParameter("plan", planCode)
            .getResultList();
        return rows.stream().findFirst().map(Object[].class::cast)
            .map(row -> new PlanStates.PlanState(((Number) row[1]).longValue(), (Boolean) row[0]));
    }

    /** Every indicator of the plan in its latest version by the moment. */
    public List<IndicatorDefinition> indicators(String planCode, Instant asOf) {
        return definitions(entityManager.createNativeQuery("""
                SELECT definition::text FROM indicator_versions_in_force(:plan, :asOf)""")
            .setParameter("plan", planCode)
            .setParameter("asOf", asOf));
    }

    /** Who reports an indicator: its organisation and, within it, its department (either may be absent). */
    public record Reporter(String organisation, String department) {
    }

    /** Who reports each of the plan's indicators in force at the moment (those naming neither are absent). */
    @SuppressWarnings("unchecked")
    public Map<String, Reporter> reporters(String planCode, Instant asOf) {
        Map<String, Reporter> byIndicator = new HashMap<>();
        ((List<Object[]>) entityManager.createNativeQuery("""
                SELECT indicator_code, definition->>'organisation', definition->>'department'
                  FROM indicator_versions_in_force(:plan, :asOf)
                 WHERE definition->>'organisation' IS NOT NULL OR definition->>'department' IS NOT NULL""")
            .setParameter("plan", planCode)
            .setParameter("asOf", asOf)
            .getResultList()).forEach(row -> byIndicator.put((String) row[0], new Reporter((String) row[1], (String) row[2])));
        return byIndicator;
    }

    public Optional<IndicatorDefinition> indicator(String planCode, String code, Instant asOf) {
        return published(planCode, code, asOf).map(ReadModel::definition);
    }

    /** The indicator's definition in force at the moment, as indicator-service published it (with its organisation). */
    public Optional<IndicatorChanged.Indicator> published(String planCode, String code, Instant asOf) {
        return entityManager.createNativeQuery("""
                SELECT definition::text FROM indicator_version_in_force(:plan, :code, :asOf)""")
            .setParameter("plan", planCode)
            .setParameter("code", code)
            .setParameter("asOf", asOf)
            .getResultStream().findFirst().map(json -> read((String) json, IndicatorChanged.Indicator.class));
    }

    /** The predecessor each of the plan's indicators names (in its latest definition by the moment); those without are absent. */
    public Map<String, IndicatorChanged.Predecessor> predecessors(String planCode, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT indicator_code, definition->'predecessor'->>'planCode', definition->'predecessor'->>'indicatorCode'
                FROM indicator_versions_in_force(:plan, :asOf) latest
                WHERE definition->'predecessor'->>'planCode' IS NOT NULL""")
            .setParameter("plan", planCode)
            .setParameter("asOf", asOf)
            .getResultList();
        Map<String, IndicatorChanged.Predecessor> predecessors = new HashMap<>();
        rows.forEach(row -> predecessors.put((String) row[0], new IndicatorChanged.Predecessor((String) row[1], (String) row[2])));
        return predecessors;
    }

    /**
     * The whole-year figure in force for each of these indicators of the plan and year, by the moment: one index
     * lookup per indicator, however many revisions it has. A broken-down indicator's is made with its members' figures
     * in force ({@link MemberFigures#whole}): derived from them, or the reported one with their aggregate beside it.
     */
    public Map<String, Actual> actuals(String planCode, Collection<IndicatorDefinition> definitions, int fiscalYear, Instant asOf) {
        if (definitions.isEmpty()) {
            return new HashMap<>();
        }
        if (definitions.stream().noneMatch(d -> d.formula() != null)) {
            return figures(planCode, definitions, fiscalYear, asOf);
        }
        // Computed indicators: their inputs' figures first (inputs of inputs too), then each formula over them.
        Map<String, IndicatorDefinition> needed = withInputs(planCode, definitions, asOf);
        Map<String, Actual> actuals = figures(planCode, needed.values().stream().filter(d -> d.formula() == null).toList(), fiscalYear, asOf);
        ComputedFigures.compute(needed, actuals, fiscalYear);
        Set<String> asked = definitions.stream().map(IndicatorDefinition::code).collect(Collectors.toSet());
        actuals.keySet().retainAll(asked);
        return actuals;
    }

    /** The definitions with every indicator their formulas read, and those theirs, as in force at the moment. */
    private Map<String, IndicatorDefinition> withInputs(String planCode, Collection<IndicatorDefinition> definitions, Instant asOf) {
        Map<String, IndicatorDefinition> all = new HashMap<>();
        definitions.forEach(d -> all.put(d.code(), d));
        Set<String> wanted = inputsOf(definitions, all.keySet());
        while (!wanted.isEmpty()) {
            List<IndicatorDefinition> found = indicators(planCode, wanted, asOf);
            found.forEach(d -> all.put(d.code(), d));
            wanted = inputsOf(found, all.keySet());
        }
        return all;
    }

    private static Set<String> inputsOf(Collection<IndicatorDefinition> definitions, Set<String> known) {
        Set<String> inputs = new HashSet<>();
        definitions.stream().filter(d -> d.formula() != null)
            .forEach(d -> Formula.parse(d.formula().expression()).inputs().stream().filter(c -> !known.contains(c)).forEach(inputs::add));
        return inputs;
    }

    /** These indicators of the plan in their versions in force at the moment (those not defined then are absent). */
    public List<IndicatorDefinition> indicators(String planCode, Collection<String> codes, Instant asOf) {
        return definitions(entityManager.createNativeQuery("""
                SELECT v.definition::text FROM unnest(CAST(:codes AS text[])) AS c (code)
                CROSS JOIN LATERAL indicator_version_in_force(:plan, c.code, :asOf) v""")
            .setParameter("codes", codes.toArray(String[]::new))
            .setParameter("plan", planCode)
            .setParameter("asOf", asOf));
    }

    /**
     * Every computed indicator of the plan in its latest definition, with the codes its formula reads: what a change to
     * an indicator's figure or definition must recompute besides it. One probe of a partial index where there is none.
     */
    public Map<String, Set<String>> formulaInputs(String planCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT v.indicator_code, v.definition->'formula'->>'expression' FROM indicator_version v
                WHERE v.plan_code = :plan AND jsonb_typeof(v.definition->'formula') = 'object'
                  AND v.version = (SELECT max(l.version) FROM indicator_version l
                                   WHERE l.plan_code = v.plan_code AND l.indicator_code = v.indicator_code)""")
            .setParameter("plan", planCode)
            .getResultList();
        Map<String, Set<String>> inputs = new HashMap<>();
        rows.forEach(row -> inputs.put((String) row[0], Formula.parse((String) row[1]).inputs()));
        return inputs;
    }

    /** The figures of indicators that are not computed: reported, or derived from their members. */
    private Map<String, Actual> figures(String planCode, Collection<IndicatorDefinition> definitions, int fiscalYear, Instant asOf) {
        Map<String, Actual> actuals = actualRows(entityManager.createNativeQuery("SELECT " + ACTUAL_COLUMNS + """
                 FROM unnest(CAST(:codes AS text[])) AS c (code)
                CROSS JOIN LATERAL measurement_in_force(:plan, c.code, :year, :asOf) m
                LEFT JOIN measurement_review r ON r.measurement_id = m.measurement_id AND r.decided_at <= :asOf""")
            .setParameter("codes", definitions.stream().filter(d -> !d.isDerived()).map(IndicatorDefinition::code).toArray(String[]::new))
            .setParameter("plan", planCode)
            .setParameter("year", fiscalYear)
            .setParameter("asOf", asOf));
        List<IndicatorDefinition> brokenDown = definitions.stream().filter(d -> d.breakdown() != null).toList();
        if (!brokenDown.isEmpty()) {
            Map<String, Map<String, Actual>> members = members(planCode, brokenDown.stream().map(IndicatorDefinition::code).toList(),
                fiscalYear, asOf);
            for (IndicatorDefinition def : brokenDown) {
                Actual whole = MemberFigures.whole(def, fiscalYear, members.getOrDefault(def.code(), Map.of()), actuals.get(def.code()));
                if (whole == null) {
                    actuals.remove(def.code());
                } else {
                    actuals.put(def.code(), whole);
                }
            }
        }
        return actuals;
    }

    public Optional<Actual> actual(String planCode, IndicatorDefinition definition, int fiscalYear, Instant asOf) {
        return Optional.ofNullable(actuals(planCode, List.of(definition), fiscalYear, asOf).get(definition.code()));
    }

    /**
     * The whole-year figure in force of every member of these indicators for the year, by the moment: per indicator,
     * by member key. What counted by then, as for a whole (approved when recorded, or by a reviewer by then).
     */
    public Map<String, Map<String, Actual>> members(String planCode, Collection<String> codes, int fiscalYear, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT DISTINCT ON (m.indicator_code, m.member_key) " + ACTUAL_COLUMNS + """
                , m.member_key FROM measurement m
                LEFT JOIN measurement_review r ON r.measurement_id = m.measurement_id AND r.decided_at <= :asOf
                WHERE m.plan_code = :plan AND m.indicator_code = ANY(CAST(:codes AS text[])) AND m.fiscal_year = :year
                  AND m.quarter IS NULL AND m.month IS NULL AND m.member_key <> '' AND m.recorded_at <= :asOf
                  AND (m.review = 'approved' OR r.decision = 'approved')
                ORDER BY m.indicator_code, m.member_key, m.revision DESC, m.measurement_id DESC""")
            .setParameter("plan", planCode)
            .setParameter("codes", codes.toArray(String[]::new))
            .setParameter("year", fiscalYear)
            .setParameter("asOf", asOf)
            .getResultList();
        Map<String, Map<String, Actual>> byIndicator = new HashMap<>();
        for (Object[] row : rows) {
            byIndicator.computeIfAbsent((String) row[0], code -> new HashMap<>()).put((String) row[15], actual(row));
        }
        return byIndicator;
    }

    /**
     * The newest whole-year revision of each of the plan's indicators for the year that was submitted by the moment
     * and had no reviewer's decision by then: what waits for approval (it counts only once approved).
     */
    public Map<String, Actual> pending(String planCode, int fiscalYear, Instant asOf) {
        return pending(planCode, fiscalYear, asOf, null);
    }

    /** As {@link #pending(String, int, Instant)}, for one indicator (null: every one). */
    public Map<String, Actual> pending(String planCode, int fiscalYear, Instant asOf, String code) {
        return actualRows(entityManager.createNativeQuery("SELECT DISTINCT ON (m.indicator_code) " + ACTUAL_COLUMNS + """
                 FROM measurement m
                LEFT JOIN measurement_review r ON r.measurement_id = m.measurement_id AND r.decided_at <= :asOf
                WHERE m.plan_code = :plan AND m.fiscal_year = :year AND m.review = 'submitted' AND m.quarter IS NULL
                  AND m.month IS NULL AND m.member_key = '' AND m.recorded_at <= :asOf AND r.measurement_id IS NULL
                  AND (CAST(:code AS text) IS NULL OR m.indicator_code = CAST(:code AS text))
                ORDER BY m.indicator_code, m.revision DESC""")
            .setParameter("plan", planCode)
            .setParameter("year", fiscalYear)
            .setParameter("asOf", asOf)
            .setParameter("code", code));
    }

    /** The fiscal years the plan has measurements for: what to evaluate before the plan itself is known. */
    public List<Integer> measuredYears(String planCode) {
        @SuppressWarnings("unchecked")
        List<Number> years = entityManager.createNativeQuery("SELECT DISTINCT fiscal_year FROM measurement WHERE plan_code = :plan")
            .setParameter("plan", planCode)
            .getResultList();
        return years.stream().map(Number::intValue).sorted().toList();
    }

    private List<IndicatorDefinition> definitions(Query query) {
        @SuppressWarnings("unchecked")
        List<String> rows = query.getResultList();
        return rows.stream().map(json -> definition(read(json, IndicatorChanged.Indicator.class))).toList();
    }

    private Map<String, Actual> actualRows(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Actual> actuals = new HashMap<>();
        for (Object[] row : rows) {
            actuals.put((String) row[0], actual(row));
        }
        return actuals;
    }

    /** What a query reading revisions selects (measurement m, its review r as of the moment asked), read by {@link #actual}. */
    private static final String ACTUAL_COLUMNS = """
        m.indicator_code, m.measurement_id, m.fiscal_year, m.revision, m.value, m.outcome, m.status, m.recorded_at,
        m.recorded_by::text, m.correction_reason, m.review, r.decision, r.decided_at, r.decided_by::text, r.reason""";

    /**
     * A row of {@link #ACTUAL_COLUMNS}: indicator code, measurement id, year, revision, value, outcome, status, recorded
     * at and by, the correction's reason, and the review: as recorded, and the decision, when, by whom and why.
     */
    private Actual actual(Object[] row) {
        ReviewState recorded = Vocabulary.of(ReviewState.class, (String) row[10]);
        Actual.Review review = recorded == ReviewState.APPROVED ? null : row[11] == null
            ? new Actual.Review(ReviewState.SUBMITTED, null, null, null)
            : new Actual.Review(Vocabulary.of(ReviewState.class, (String) row[11]), Moments.of(row[12]),
                row[13] == null ? null : read((String) row[13], Actor.class), (String) row[14]);
        return new Actual(((Number) row[1]).longValue(), ((Number) row[2]).intValue(), ((Number) row[3]).intValue(),
            (BigDecimal) row[4], row[5] == null ? null : Vocabulary.of(Outcome.class, (String) row[5]),
            Vocabulary.of(MeasurementStatus.class, (String) row[6]), Moments.of(row[7]), row[8] == null ? null : read((String) row[8], Actor.class),
            (String) row[9], review);
    }

    /** Every whole-year revision of an indicator recorded by the moment, by year and revision. */
    public List<Actual> revisions(String planCode, String code, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + ACTUAL_COLUMNS + """
                 FROM measurement m
                LEFT JOIN measurement_review r ON r.measurement_id = m.measurement_id AND r.decided_at <= :asOf
                WHERE m.plan_code = :plan AND m.indicator_code = :code AND m.quarter IS NULL AND m.month IS NULL AND m.member_key = ''
                  AND m.recorded_at <= :asOf
                ORDER BY m.fiscal_year, m.revision, m.measurement_id""")
            .setParameter("plan", planCode)
            .setParameter("code", code)
            .setParameter("asOf", asOf)
            .getResultList();
        return rows.stream().map(this::actual).toList();
    }

    /**
     * Raises the plan's generation: whatever was computed from its read model before this transaction is stale. At
     * commit, every instance hears of it ({@link #CHANGED_CHANNEL}) and this one forgets the plan states it kept.
     */
    public void newGeneration(String planCode) {
        entityManager.createNativeQuery("""
                INSERT INTO plan_generation (plan_code, generation) VALUES (:plan, 1)
                ON CONFLICT (plan_code) DO UPDATE SET generation = plan_generation.generation + 1""")
            .setParameter("plan", planCode)
            .executeUpdate();
        notices.atCommit(CHANGED_CHANNEL);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                planStates.forget();
            }
        });
    }

    /** When the plan's first version was recorded: the earliest moment anything of it can be asked about. */
    public Instant firstRecorded(String planCode) {
        return Moments.of(entityManager.createNativeQuery("SELECT min(changed_at) FROM plan_version WHERE plan_code = :plan")
            .setParameter("plan", planCode)
            .getSingleResult());
    }

    /** Every plan in its latest version. */
    public List<PlanSnapshot> plans() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT DISTINCT ON (plan_code) plan_code, version, changed_at, document::text FROM plan_version
                ORDER BY plan_code, version DESC""")
            .getResultList();
        return rows.stream().map(row -> new PlanSnapshot((String) row[0], ((Number) row[1]).longValue(), Moments.of(row[2]),
            read((String) row[3], PlanChanged.Plan.class))).toList();
    }

    /**
     * The definition the evaluation works with. A kind, direction or method outside the vocabulary makes the event
     * poison where it is read (EventJson), so every stored definition can be evaluated.
     */
    static IndicatorDefinition definition(IndicatorChanged.Indicator i) {
        Map<Integer, BigDecimal> milestones = i.milestones() == null ? Map.of()
            : i.milestones().stream().collect(Collectors.toMap(IndicatorChanged.Milestone::fiscalYear, IndicatorChanged.Milestone::value));
        return new IndicatorDefinition(i.code(), i.nodeCode(), i.kind(), i.name(), i.unit(),
            i.baselineValue(), i.baselineFiscalYear(), i.targetValue(), i.targetText(), i.targetFiscalYear(), milestones,
            i.direction(), i.method(), i.breakdown(), i.formula());
    }

    /** The value as JSON, to store; null stays null (SQL NULL where it is stored). */
    public String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value this service stored as JSON (a definition, a plan, who made a change), read back. */
    public <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getType() + " is unreadable", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
