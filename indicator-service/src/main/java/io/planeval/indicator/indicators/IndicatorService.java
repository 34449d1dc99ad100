package io.planeval.indicator.indicators;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.formula.Formula;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.persistence.AdvisoryLocks;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Caller;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;
import io.planeval.support.write.VersionedWrites;
import io.planeval.support.write.VersionedWrites.Stored;

@ApplicationScoped
public class IndicatorService {

    @Inject
    Outbox outbox;

    @Inject
    AdvisoryLocks locks;

    @Inject
    Caller caller;

    /** How long a client should wait before asking again about a plan this service has not learned yet. */
    static final int PLAN_NOT_YET_KNOWN_RETRY_SECONDS = 1;

    /** The plan as plan-service published it, or 404: indicators hang on plans we know. */
    public static KnownPlan knownPlan(String planCode) {
        KnownPlan plan = KnownPlan.findById(planCode);
        if (plan == null) {
            throw unknownPlan(planCode);
        }
        return plan;
    }

    public static ProblemException unknownPlan(String planCode) {
        return ProblemException.notFound("Plan " + planCode + " is not known: plan-service has not published it");
    }

    /**
     * A plan this service does not know may have been created a moment ago: plan-service's event takes a little
     * while to arrive. A write to it is a conflict that passes, with Retry-After, not a 404 that says "never".
     */
    static KnownPlan knownPlanForWriting(String planCode) {
        KnownPlan plan = KnownPlan.findById(planCode);
        if (plan == null) {
            throw ProblemException.conflictRetryLater("Plan " + planCode + " is not known here yet. If plan-service has just "
                + "created it, its event is on the way: retry after a second. A plan that plan-service does not have "
                + "never becomes known.", PLAN_NOT_YET_KNOWN_RETRY_SECONDS);
        }
        return plan;
    }

    /** A page of the plan's indicators (or one node's) in code order, after the code the cursor holds. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IndicatorDocument> list(String planCode, String nodeCode, int limit, String cursor) {
        knownPlan(planCode);
        List<String> after = QueryParams.cursorKeys(cursor, 1);
        String afterCode = after == null ? "" : after.get(0);
        List<Indicator> found = (nodeCode == null
            ? Indicator.find("planCode = ?1 and code > ?2 order by code", planCode, afterCode)
            : Indicator.find("planCode = ?1 and nodeCode = ?2 and code > ?3 order by code", planCode, nodeCode, afterCode))
            .range(0, limit).list();
        return Page.of(found.stream().map(Indicator::toDocument).toList(), limit, indicator -> QueryParams.cursor(indicator.code()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorDocument get(String planCode, String code) {
        knownPlan(planCode);
        return Indicator.find(planCode, code).map(Indicator::toDocument)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " has no indicator " + code));
    }

    @Transactional
    public Stored<IndicatorDocument> put(String planCode, String code, IndicatorDocument doc, Long expectedVersion) {
        KnownPlan plan = knownPlanForWriting(planCode);
        IndicatorDocument normalized = IndicatorRules.normalize(plan, code, doc);
        checkPredecessor(plan, normalized.predecessor());
        checkInputs(planCode, code, normalized.formula());
        // Concurrent creators of one indicator take turns: one creates it, the others find it and compare.
        locks.lock("indicator/" + planCode + "/" + code.toLowerCase(Locale.ROOT));
        Indicator indicator = Indicator.findForUpdate(planCode, code).orElse(null);
        boolean created = indicator == null;
        if (created) {
            Indicator.findSameButForCase(planCode, code).ifPresent(other -> {
                throw ProblemException.conflict("Plan " + planCode + " has indicator " + other.code + ", which differs from "
                    + code + " only by case: a person reads them as one, so codes are told apart without case");
            });
        }
        VersionedWrites.checkIfMatch("Indicator " + code, created ? null : indicator.version, expectedVersion);
        if (created) {
            indicator = new Indicator();
            indicator.planCode = planCode;
            indicator.code = code;
        } else {
            IndicatorDocument current = indicator.toDocument();
            if (current.content().equals(normalized.content())) {
                return Stored.unchanged(current);
            }
        }
        Instant now = Moments.now();
        indicator.copyFrom(normalized);
        indicator.version++;
        indicator.updatedAt = now;
        indicator.changedBy = caller.actor();
        if (created) {
            indicator.persist();
        }
        IndicatorDocument saved = indicator.toDocument();
        outbox.append(event(saved));
        return created ? Stored.created(saved) : Stored.replaced(saved);
    }

    static IndicatorChanged event(IndicatorDocument doc) {
        return new IndicatorChanged(doc.planCode(), doc.code(), doc.version(), doc.changedAt(), doc.changedBy(), new IndicatorChanged.Indicator(
            doc.code(), doc.nodeCode(), doc.kind(), doc.name(), doc.unit(),
            doc.baseline() == null ? null : doc.baseline().value(),
            doc.baseline() == null ? null : doc.baseline().fiscalYear(),
            doc.target() == null ? null : doc.target().value(),
            doc.target() == null ? null : doc.target().text(),
            doc.target() == null ? null : doc.target().fiscalYear(),
            doc.milestones().stream().map(m -> new IndicatorChanged.Milestone(m.fiscalYear(), m.value())).toList(),
            doc.direction(), doc.method(), doc.relatedKpis(), doc.department(), doc.organisation(), doc.sourceSystem(), doc.note(),
            doc.predecessor() == null ? null
                : new IndicatorChanged.Predecessor(doc.predecessor().planCode(), doc.predecessor().indicatorCode()),
            breakdown(doc.breakdown()),
            doc.formula() == null ? null : new IndicatorChanged.Formula(doc.formula().expression(), doc.formula().decimals())));
    }

    private static IndicatorChanged.Breakdown breakdown(IndicatorDocument.Breakdown b) {
        return b == null ? null : new IndicatorChanged.Breakdown(
            b.dimensions().stream().map(d -> new IndicatorChanged.Dimension(d.code(), d.name(),
                d.members().stream().map(m -> new IndicatorChanged.Member(m.code(), m.name())).toList())).toList(),
            b.whole(), b.aggregation(), b.condition(), b.threshold(), b.decimals(),
            b.settings().stream().map(s -> new IndicatorChanged.MemberSetting(s.members(), s.target(), s.weight())).toList());
    }

    /** A formula's inputs are indicators of the plan, and computing it closes no cycle through others' formulas. */
    private static void checkInputs(String planCode, String code, IndicatorDocument.Formula formula) {
        if (formula == null) {
            return;
        }
        Set<String> inputs = Formula.parse(formula.expression()).inputs();
        Map<String, Indicator> known = new HashMap<>();
        Indicator.<Indicator>list("planCode = ?1 and code in ?2", planCode, inputs).forEach(i -> known.put(i.code, i));
        List<String> unknown = inputs.stream().filter(input -> !known.containsKey(input)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("formula.expression", "plan " + planCode + " has no indicator " + String.join(", ", unknown));
        }
        List<String> qualitative = known.values().stream().filter(Indicator::isQualitative).map(i -> i.code).sorted().toList();
        if (!qualitative.isEmpty()) {
            throw ProblemException.invalid("formula.expression", String.join(", ", qualitative) + " is qualitative: it has no figure to compute with");
        }
        Map<String, Set<String>> graph = new HashMap<>();
        Indicator.<Indicator>list("planCode = ?1 and formula is not null", planCode)
            .forEach(i -> graph.put(i.code, Formula.parse(i.formula.expression()).inputs()));
        graph.put(code, inputs);
        List<String> cycle = Formula.cycle(graph, code);
        if (!cycle.isEmpty()) {
            throw ProblemException.invalid("formula.expression", "computing " + code + " this way goes round in a circle: "
                + String.join(" → ", cycle));
        }
    }

    /** The predecessor, where one is named, is an indicator of a plan that starts before this one. */
    private static void checkPredecessor(KnownPlan plan, IndicatorDocument.Predecessor predecessor) {
        if (predecessor == null) {
            return;
        }
        KnownPlan earlier = KnownPlan.findById(predecessor.planCode());
        if (earlier == null) {
            throw ProblemException.invalid("predecessor.planCode", Text.excerpt(predecessor.planCode()) + " is not a known plan");
        }
        if (earlier.firstFiscalYear >= plan.firstFiscalYear) {
            throw ProblemException.invalid("predecessor.planCode", "plan " + earlier.code + " starts in " + earlier.firstFiscalYear
                + ", not before plan " + plan.code + " (" + plan.firstFiscalYear + "): a predecessor is of an earlier plan");
        }
        if (Indicator.find(earlier.code, predecessor.indicatorCode()).isEmpty()) {
            throw ProblemException.invalid("predecessor.indicatorCode", "plan " + earlier.code + " has no indicator " + predecessor.indicatorCode());
        }
    }
}
