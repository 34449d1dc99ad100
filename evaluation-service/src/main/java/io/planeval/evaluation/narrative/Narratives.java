package io.planeval.evaluation.narrative;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Actor;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.NarrativeSubject;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.security.Roles;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;
import io.planeval.support.write.VersionedWrites;
import io.planeval.support.write.VersionedWrites.Stored;

/**
 * The committee's words, kept as revisions: a node's written evaluation and highlights (by plan admins), an indicator's
 * causes and actions (by its organisation's reporters and stewards, or plan admins). Each change adds a revision and
 * raises the plan's generation, so every answer that carries the words is computed again; reading as of a moment
 * gives the revision then in force, so a report fixed at that moment keeps the words it was fixed with.
 */
@ApplicationScoped
public class Narratives {

    static final int MAX_TEXT = 10_000;
    static final int MAX_HIGHLIGHTS = 50;
    static final int MAX_HIGHLIGHT = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModel readModel;

    @Inject
    Caller caller;

    /** Every narrative of a plan and year in force at a moment, by node and by indicator code. */
    public record InForce(Map<String, NodeNarrative> nodes, Map<String, IndicatorNarrative> indicators) {

        public static final InForce NONE = new InForce(Map.of(), Map.of());

        public Optional<IndicatorNarrative> indicator(String code) {
            return Optional.ofNullable(indicators.get(code));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InForce inForce(String planCode, int fiscalYear, Instant asOf) {
        Map<String, NodeNarrative> nodes = new HashMap<>();
        Map<String, IndicatorNarrative> indicators = new HashMap<>();
        for (Object[] row : rows("SELECT " + COLUMNS + " FROM narratives_in_force(:plan, :year, :asOf)", planCode, fiscalYear, asOf)) {
            switch (Vocabulary.of(NarrativeSubject.class, (String) row[0])) {
                case NODE -> nodes.put((String) row[1], node(planCode, fiscalYear, row));
                case INDICATOR -> indicators.put((String) row[1], indicator(planCode, fiscalYear, row));
            }
        }
        return new InForce(nodes, indicators);
    }

    /** One indicator's causes and actions in force at the moment, or null: what a read of one indicator carries. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorNarrative indicatorInForce(String planCode, String indicatorCode, int fiscalYear, Instant asOf) {
        return latest(planCode, NarrativeSubject.INDICATOR, indicatorCode, fiscalYear, asOf)
            .map(row -> indicator(planCode, fiscalYear, row)).orElse(null);
    }

    /** A node's narrative in force at the moment (null: now). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NodeNarrative node(String planCode, String nodeCode, String fiscalYear, Instant asOf) {
        int year = nodeYear(planCode, nodeCode, fiscalYear);
        return latest(planCode, NarrativeSubject.NODE, nodeCode, year, asOf).map(row -> node(planCode, year, row))
            .orElseThrow(() -> none("node " + nodeCode, year, asOf));
    }

    /** An indicator's causes and actions in force at the moment (null: now). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorNarrative indicator(String planCode, String indicatorCode, String fiscalYear, Instant asOf) {
        int year = year(planCode, fiscalYear);
        organisationOf(planCode, indicatorCode);
        return latest(planCode, NarrativeSubject.INDICATOR, indicatorCode, year, asOf).map(row -> indicator(planCode, year, row))
            .orElseThrow(() -> none("indicator " + indicatorCode, year, asOf));
    }

    @Transactional
    public Stored<NodeNarrative> putNode(String planCode, String nodeCode, String fiscalYear, NodeNarrative body, Long expectedRevision) {
        int year = nodeYear(planCode, nodeCode, fiscalYear);
        if (body == null) {
            throw ProblemException.invalid("body", "a narrative is required: {\"evaluation\": …, \"highlights\": […]}");
        }
        List<Violation> violations = new ArrayList<>();
        text(violations, "evaluation", body.evaluation(), true);
        List<String> highlights = body.highlights() == null ? List.of() : body.highlights();
        if (highlights.size() > MAX_HIGHLIGHTS) {
            violations.add(new Violation("highlights", "has " + highlights.size() + " lines; at most " + MAX_HIGHLIGHTS + " are accepted"));
        } else {
            for (int i = 0; i < highlights.size(); i++) {
                String line = highlights.get(i);
                String fault = line == null || line.isBlank() ? "must not be blank"
                    : line.length() > MAX_HIGHLIGHT ? "is longer than " + MAX_HIGHLIGHT + " characters" : Text.fault(line);
                if (fault != null) {
                    violations.add(new Violation("highlights[" + i + "]", fault));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Revision text = new Revision(body.evaluation(), highlights, null, null);
        Stored<Object[]> stored = store(planCode, NarrativeSubject.NODE, nodeCode, year, text, expectedRevision);
        return new Stored<>(node(planCode, year, stored.document()), stored.created(), stored.changed());
    }

    @Transactional
    public Stored<IndicatorNarrative> putIndicator(String planCode, String indicatorCode, String fiscalYear, IndicatorNarrative body,
                                                   Long expectedRevision) {
        int year = year(planCode, fiscalYear);
        checkIndicatorWriter(planCode, indicatorCode, "indicatorCode");
        if (body == null) {
            throw ProblemException.invalid("body", "a narrative is required: {\"causes\": …, \"actions\": …}");
        }
        List<Violation> violations = new ArrayList<>();
        text(violations, "causes", body.causes(), false);
        text(violations, "actions", body.actions(), false);
        if (blank(body.causes()) && blank(body.actions()) && violations.isEmpty()) {
            violations.add(new Violation("causes", "at least one of causes and actions is required"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Revision text = new Revision(null, null, blank(body.causes()) ? null : body.causes(), blank(body.actions()) ? null : body.actions());
        Stored<Object[]> stored = store(planCode, NarrativeSubject.INDICATOR, indicatorCode, year, text, expectedRevision);
        return new Stored<>(indicator(planCode, year, stored.document()), stored.created(), stored.changed());
    }

    /**
     * Refuses (403) a caller who may not write for the indicator (its causes and actions, its evidence): only its own
     * organisation's reporters and stewards, and plan admins, may; 404 for an indicator the plan does not have. The
     * refusal names {@code field}, where the request named the indicator.
     */
    public void checkIndicatorWriter(String planCode, String indicatorCode, String field) {
        String organisation = organisationOf(planCode, indicatorCode);
        if (!caller.hasRole(Roles.PLAN_ADMIN) && (organisation == null || !organisation.equals(caller.organisation())
            || !(caller.hasRole(Roles.REPORTER) || caller.hasRole(Roles.INDICATOR_STEWARD)))) {
            throw ProblemException.forbidden(List.of(new Violation(field, indicatorCode + " is written for by "
                + (organisation == null ? "plan admins only" : "organisation " + organisation + "'s reporters and stewards, or plan admins")
                + ", not by " + (caller.organisation() == null ? "a token without an organisation" : caller.organisation()))));
        }
    }

    /** Refuses (403) a caller who may not write the committee's evaluation of a node (or its evidence): plan admins only. */
    public void checkNodeWriter() {
        if (!caller.hasRole(Roles.PLAN_ADMIN)) {
            throw ProblemException.forbidden(List.of(new Violation("node", "a node's evaluation is written by plan admins only")));
        }
    }

    /** What a revision says: a node's evaluation and highlights, or an indicator's causes and actions. */
    private record Revision(String evaluation, List<String> highlights, String causes, String actions) {
    }

    /**
     * Adds the text as the next revision unless it says what the one in force says. Two writers racing for one revision
     * number: the second is told to read again (409) rather than overwrite what it has not seen.
     */
    private Stored<Object[]> store(String planCode, NarrativeSubject subject, String code, int year, Revision text, Long expectedRevision) {
        Optional<Object[]> current = latest(planCode, subject, code, year, null);
        String document = (subject == NarrativeSubject.NODE ? "The narrative of node " : "The narrative of indicator ") + code
            + " for " + FiscalYears.label(year);
        VersionedWrites.checkIfMatch(document, current.map(row -> ((Number) row[2]).longValue()).orElse(null), expectedRevision);
        if (current.isPresent() && text.equals(revisionOf(current.get()))) {
            return VersionedWrites.Stored.unchanged(current.get());
        }
        List<?> inserted = entityManager.createNativeQuery("""
                INSERT INTO narrative_revision (plan_code, subject, code, fiscal_year, revision, evaluation, highlights, causes, actions,
                                                written_at, written_by)
                SELECT :plan, :subject, :code, :year, :revision, :evaluation, CAST(:highlights AS jsonb), :causes, :actions, :now,
                       CAST(:by AS jsonb)
                ON CONFLICT DO NOTHING RETURNING revision""")
            .setParameter("plan", planCode)
            .setParameter("subject", Vocabulary.wire(subject))
            .setParameter("code", code)
            .setParameter("year", year)
            .setParameter("revision", current.map(row -> ((Number) row[2]).intValue() + 1).orElse(1))
            .setParameter("evaluation", text.evaluation())
            .setParameter("highlights", readModel.json(text.highlights()))
            .setParameter("causes", text.causes())
            .setParameter("actions", text.actions())
            .setParameter("now", Moments.now())
            .setParameter("by", readModel.json(caller.actor()))
            .getResultList();
        if (inserted.isEmpty()) {
            throw ProblemException.conflict(document + " was written by somebody else meanwhile: read it again and reapply your change");
        }
        readModel.newGeneration(planCode);
        Object[] stored = latest(planCode, subject, code, year, null).orElseThrow();
        return current.isEmpty() ? VersionedWrites.Stored.created(stored) : VersionedWrites.Stored.replaced(stored);
    }

    private static final String COLUMNS = "subject, code, revision, evaluation, highlights::text, causes, actions, written_at, written_by::text";

    private Optional<Object[]> latest(String planCode, NarrativeSubject subject, String code, int year, Instant asOf) {
        return entityManager.createNativeQuery("SELECT " + COLUMNS + """
                 FROM narrative_revision
                WHERE plan_code = :plan AND subject = :subject AND code = :code AND fiscal_year = :year AND written_at <= :asOf
                ORDER BY revision DESC LIMIT 1""")
            .setParameter("plan", planCode)
            .setParameter("subject", Vocabulary.wire(subject))
            .setParameter("code", code)
            .setParameter("year", year)
            .setParameter("asOf", asOf == null ? Moments.EVERYTHING_RECORDED : asOf)
            .getResultStream().findFirst().map(Object[].class::cast);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String planCode, int year, Instant asOf) {
        return entityManager.createNativeQuery(sql)
            .setParameter("plan", planCode)
            .setParameter("year", year)
            .setParameter("asOf", asOf)
            .getResultList();
    }

    private Revision revisionOf(Object[] row) {
        return new Revision((String) row[3], row[4] == null ? null : List.of(readModel.read((String) row[4], String[].class)), (String) row[5], (String) row[6]);
    }

    private NodeNarrative node(String planCode, int year, Object[] row) {
        Revision text = revisionOf(row);
        return new NodeNarrative(planCode, (String) row[1], year, FiscalYears.label(year), text.evaluation(), text.highlights(),
            ((Number) row[2]).intValue(), Moments.of(row[7]), actor(row[8]));
    }

    private IndicatorNarrative indicator(String planCode, int year, Object[] row) {
        Revision text = revisionOf(row);
        return new IndicatorNarrative(planCode, (String) row[1], year, FiscalYears.label(year), text.causes(), text.actions(),
            ((Number) row[2]).intValue(), Moments.of(row[7]), actor(row[8]));
    }

    private Actor actor(Object json) {
        return json == null ? null : readModel.read((String) json, Actor.class);
    }

    /** The fiscal year in the path: a whole number within the plan's years (the plan as it stands now). */
    private int year(String planCode, String fiscalYear) {
        return year(plan(planCode), fiscalYear);
    }

    /** The fiscal year in the path, of a node the plan (as it stands now) has: the plan read once for both. */
    private int nodeYear(String planCode, String nodeCode, String fiscalYear) {
        PlanChanged.Plan plan = plan(planCode);
        int year = year(plan, fiscalYear);
        if (plan.nodes().stream().noneMatch(node -> node.code().equals(nodeCode))) {
            throw ProblemException.notFound("Plan " + planCode + " has no node " + nodeCode);
        }
        return year;
    }

    private PlanChanged.Plan plan(String planCode) {
        return readModel.plan(planCode, Moments.EVERYTHING_RECORDED)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " is not known")).plan();
    }

    private static int year(PlanChanged.Plan plan, String fiscalYear) {
        String planCode = plan.code();
        Integer year = QueryParams.fiscalYear(fiscalYear);
        if (year == null || year < plan.firstFiscalYear() || year > plan.lastFiscalYear()) {
            throw ProblemException.invalid("fiscalYear", Text.excerpt(fiscalYear) + " is not a fiscal year of plan " + planCode
                + " (" + plan.firstFiscalYear() + "–" + plan.lastFiscalYear() + ")");
        }
        return year;
    }

    /** The organisation that reports the indicator (null: operations only); 404 for an indicator the plan does not have. */
    private String organisationOf(String planCode, String indicatorCode) {
        return readModel.published(planCode, indicatorCode, Moments.EVERYTHING_RECORDED)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " has no indicator " + indicatorCode)).organisation();
    }

    private static ProblemException none(String what, int year, Instant asOf) {
        return ProblemException.notFound("No narrative of " + what + " for " + FiscalYears.label(year)
            + (asOf == null ? " has been written" : " had been written by " + asOf));
    }

    private static void text(List<Violation> violations, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
        } else if (value.length() > MAX_TEXT) {
            violations.add(new Violation(field, "is longer than " + MAX_TEXT + " characters"));
        } else if (Text.fault(value) != null) {
            violations.add(new Violation(field, Text.fault(value)));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
