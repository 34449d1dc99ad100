package io.planeval.indicator.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.decimal.Decimals;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.formula.Formula;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;

/** What makes an indicator definition valid, in plain Java; every violation is reported at once. */
public final class IndicatorRules {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_NAME = 500;
    static final int MAX_NOTE = 2000;

    private IndicatorRules() {
    }

    public static IndicatorDocument normalize(KnownPlan plan, String code, IndicatorDocument doc) {
        List<Violation> violations = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            violations.add(new Violation("indicatorCode", Text.excerpt(code) + " must be letters, digits, '.', '_' or '-', at most 64"));
        }
        if (doc.code() != null && !doc.code().equals(code)) {
            violations.add(new Violation("code", Text.excerpt(doc.code()) + " differs from the indicator code in the path, " + Text.excerpt(code)));
        }
        if (blank(doc.nodeCode())) {
            violations.add(new Violation("nodeCode", "is required: the plan node the indicator belongs to"));
        } else if (!plan.nodeCodes.contains(doc.nodeCode())) {
            violations.add(new Violation("nodeCode", Text.excerpt(doc.nodeCode()) + " is not a node of plan " + plan.code));
        }
        Optional<IndicatorKind> kind = required(violations, "kind", doc.kind(), IndicatorKind.class);
        text(violations, "name", doc.name(), true);
        text(violations, "department", doc.department(), false);
        if (doc.organisation() != null && !CODE.matcher(doc.organisation()).matches()) {
            violations.add(new Violation("organisation", Text.excerpt(doc.organisation())
                + " is not an organisation code (letters, digits, '.', '_' or '-', at most 64), as in the reporters' tokens"));
        }
        text(violations, "sourceSystem", doc.sourceSystem(), false);
        if (doc.note() != null && doc.note().length() > MAX_NOTE) {
            violations.add(new Violation("note", "is longer than " + MAX_NOTE + " characters"));
        }
        Optional<Direction> direction = required(violations, "direction", doc.direction(), Direction.class);
        Optional<Method> method = doc.method() == null ? direction.map(Method::defaultFor) : Optional.of(doc.method());
        boolean qualitative = direction.filter(Direction.QUALITATIVE::equals).isPresent();
        if (direction.isPresent() && method.isPresent()) {
            checkMethod(violations, doc, direction.get(), method.get());
        }
        if (!qualitative) {
            text(violations, "unit", doc.unit(), true);
        }
        checkTarget(violations, plan, doc.target(), qualitative);
        checkBaseline(violations, plan, doc.baseline(), doc.target(), qualitative);
        List<IndicatorDocument.Milestone> milestones = doc.milestones() == null ? List.of() : doc.milestones();
        checkMilestones(violations, plan, milestones, doc, qualitative);
        method.ifPresent(m -> checkSigns(violations, m, doc.target(), milestones));
        List<String> related = doc.relatedKpis() == null ? List.of() : doc.relatedKpis();
        checkRelated(violations, kind.orElse(null), related);
        checkPredecessor(violations, plan, doc.predecessor());
        IndicatorDocument.Breakdown breakdown = Breakdowns.normalize(violations, doc, qualitative);
        IndicatorDocument.Formula formula = checkFormula(violations, code, doc, qualitative);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        IndicatorDocument.Baseline baseline = doc.baseline() == null ? null : new IndicatorDocument.Baseline(
            Decimals.canonical(doc.baseline().value()), doc.baseline().fiscalYear(), FiscalYears.label(doc.baseline().fiscalYear()));
        IndicatorDocument.Target target = doc.target() == null ? null : new IndicatorDocument.Target(
            Decimals.canonical(doc.target().value()), doc.target().text(), doc.target().fiscalYear(),
            FiscalYears.label(doc.target().fiscalYear()));
        List<IndicatorDocument.Milestone> sorted = milestones.stream()
            .map(m -> new IndicatorDocument.Milestone(m.fiscalYear(), Decimals.canonical(m.value())))
            .sorted(Comparator.comparing(IndicatorDocument.Milestone::fiscalYear))
            .toList();
        return new IndicatorDocument(plan.code, code, doc.nodeCode(), doc.kind(), doc.name(), doc.unit(), baseline, target,
            sorted, doc.direction(), method.orElseThrow(), List.copyOf(related), doc.department(), doc.organisation(),
            doc.sourceSystem(), doc.note(), doc.predecessor(), breakdown, formula, doc.version(), doc.changedAt(), doc.changedBy());
    }

    /**
     * A formula that parses, over indicator codes other than this one, of a numeric indicator that is not also broken
     * down; whether its inputs exist, and close no cycle, is the service's to check against the plan's indicators.
     */
    private static IndicatorDocument.Formula checkFormula(List<Violation> violations, String code, IndicatorDocument doc, boolean qualitative) {
        IndicatorDocument.Formula formula = doc.formula();
        if (formula == null) {
            return null;
        }
        if (qualitative) {
            violations.add(new Violation("formula", "a qualitative indicator's outcome is reported, not computed"));
        }
        if (doc.breakdown() != null) {
            violations.add(new Violation("formula", "an indicator is computed from others or broken down by members, not both"));
        }
        if (formula.decimals() != null && (formula.decimals() < 0 || formula.decimals() > DecimalValues.MAX_FRACTION_DIGITS)) {
            violations.add(new Violation("formula.decimals", formula.decimals() + " is not 0 to " + DecimalValues.MAX_FRACTION_DIGITS));
        }
        try {
            Formula parsed = Formula.parse(formula.expression());
            for (String input : parsed.inputs()) {
                if (!CODE.matcher(input).matches()) {
                    violations.add(new Violation("formula.expression", "{" + Text.excerpt(input) + "} is not an indicator code"));
                } else if (input.equals(code)) {
                    violations.add(new Violation("formula.expression", code + " cannot be computed from itself"));
                }
            }
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("formula.expression", e.getMessage()));
        }
        return new IndicatorDocument.Formula(formula.expression() == null ? null : formula.expression().trim(), formula.decimals());
    }

    /** A predecessor names an indicator of another plan; whether that one exists is the service's to check. */
    private static void checkPredecessor(List<Violation> violations, KnownPlan plan, IndicatorDocument.Predecessor predecessor) {
        if (predecessor == null) {
            return;
        }
        if (blank(predecessor.planCode())) {
            violations.add(new Violation("predecessor.planCode", "is required: the earlier plan the indicator continues from"));
        } else if (predecessor.planCode().equals(plan.code)) {
            violations.add(new Violation("predecessor.planCode", "is this plan: a predecessor is an indicator of an earlier plan"));
        }
        if (blank(predecessor.indicatorCode())) {
            violations.add(new Violation("predecessor.indicatorCode", "is required"));
        } else if (!CODE.matcher(predecessor.indicatorCode()).matches()) {
            violations.add(new Violation("predecessor.indicatorCode", Text.excerpt(predecessor.indicatorCode()) + " is not an indicator code"));
        }
    }

    private static void checkMethod(List<Violation> violations, IndicatorDocument doc, Direction direction, Method method) {
        boolean qualitative = direction == Direction.QUALITATIVE;
        if (qualitative != (method == Method.QUALITATIVE)) {
            violations.add(new Violation("method", qualitative
                ? "a qualitative indicator is judged by its reported outcome: method must be qualitative"
                : Vocabulary.wire(method) + " needs a qualitative direction"));
        } else if (method == Method.RATIO && direction == Direction.LOWER_IS_BETTER) {
            violations.add(new Violation("method", "ratio (actual ÷ target) rewards a higher actual; where lower is better use "
                + "inverse_ratio (target ÷ actual) or progress_from_baseline"));
        } else if (method == Method.INVERSE_RATIO && direction == Direction.HIGHER_IS_BETTER) {
            violations.add(new Violation("method", "inverse_ratio (target ÷ actual) rewards a lower actual; where higher is "
                + "better use ratio or progress_from_baseline"));
        } else if (method == Method.PROGRESS_FROM_BASELINE && (doc.baseline() == null || doc.baseline().value() == null)) {
            violations.add(new Violation("baseline.value", "is required by progress_from_baseline ((actual − baseline) ÷ (target − baseline))"));
        }
    }

    private static void checkTarget(List<Violation> violations, KnownPlan plan, IndicatorDocument.Target target, boolean qualitative) {
        if (target == null) {
            return;
        }
        if (target.fiscalYear() == null) {
            violations.add(new Violation("target.fiscalYear", "is required"));
        } else if (!plan.covers(target.fiscalYear())) {
            violations.add(new Violation("target.fiscalYear", target.fiscalYear() + " is outside plan " + plan.code + " ("
                + plan.firstFiscalYear + "–" + plan.lastFiscalYear + ")"));
        }
        if (qualitative) {
            if (target.value() != null) {
                violations.add(new Violation("target.value", "a qualitative target has no value; give its text"));
            }
            text(violations, "target.text", target.text(), true);
        } else {
            if (target.value() == null) {
                violations.add(new Violation("target.value", "is required"));
            }
            DecimalValues.check(violations, "target.value", target.value());
            text(violations, "target.text", target.text(), false);
        }
    }

    private static void checkBaseline(List<Violation> violations, KnownPlan plan, IndicatorDocument.Baseline baseline,
                                      IndicatorDocument.Target target, boolean qualitative) {
        if (baseline == null) {
            return;
        }
        if (qualitative && baseline.value() != null) {
            violations.add(new Violation("baseline.value", "a qualitative indicator has no numeric baseline"));
        }
        if (!qualitative && baseline.value() == null) {
            violations.add(new Violation("baseline.value", "is required when a baseline is given"));
        }
        DecimalValues.check(violations, "baseline.value", baseline.value());
        if (baseline.fiscalYear() == null) {
            violations.add(new Violation("baseline.fiscalYear", "is required when a baseline is given"));
        } else if (!FiscalYears.accepted(baseline.fiscalYear())) {
            violations.add(new Violation("baseline.fiscalYear", FiscalYears.yearFault(baseline.fiscalYear())));
        } else if (baseline.fiscalYear() > plan.lastFiscalYear) {
            violations.add(new Violation("baseline.fiscalYear", baseline.fiscalYear() + " is after plan " + plan.code
                + " ends (" + plan.lastFiscalYear + "): a baseline is where the indicator starts"));
        } else if (target != null && target.fiscalYear() != null && baseline.fiscalYear() >= target.fiscalYear()) {
            violations.add(new Violation("baseline.fiscalYear", baseline.fiscalYear() + " is not before the target's year "
                + target.fiscalYear()));
        }
    }

    /**
     * Milestones lie on the way to the final target: within the plan, after the baseline's year and before the
     * target's, one per year. Without a final target there is nothing to be on the way to.
     */
    private static void checkMilestones(List<Violation> violations, KnownPlan plan, List<IndicatorDocument.Milestone> milestones,
                                        IndicatorDocument doc, boolean qualitative) {
        Integer targetYear = doc.target() == null ? null : doc.target().fiscalYear();
        Integer baselineYear = doc.baseline() == null ? null : doc.baseline().fiscalYear();
        if (!milestones.isEmpty() && !qualitative && doc.target() == null) {
            violations.add(new Violation("milestones", "need a final target to lead to: give target too, or leave milestones out"));
        }
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            IndicatorDocument.Milestone m = milestones.get(i);
            String at = "milestones[" + i + "]";
            if (m == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            if (qualitative) {
                violations.add(new Violation(at, "a qualitative indicator has no numeric milestones"));
                continue;
            }
            if (m.fiscalYear() == null) {
                violations.add(new Violation(at + ".fiscalYear", "is required"));
            } else if (!plan.covers(m.fiscalYear())) {
                violations.add(new Violation(at + ".fiscalYear", m.fiscalYear() + " is outside plan " + plan.code + " ("
                    + plan.firstFiscalYear + "–" + plan.lastFiscalYear + ")"));
            } else if (targetYear != null && m.fiscalYear() >= targetYear) {
                violations.add(new Violation(at + ".fiscalYear", m.fiscalYear() + " is not before the final target's year "
                    + targetYear + ": that year is judged against the final target"));
            } else if (baselineYear != null && m.fiscalYear() <= baselineYear) {
                violations.add(new Violation(at + ".fiscalYear", m.fiscalYear() + " is not after the baseline's year " + baselineYear));
            } else if (!years.add(m.fiscalYear())) {
                violations.add(new Violation(at + ".fiscalYear", m.fiscalYear() + " has a milestone already"));
            }
            if (m.value() == null) {
                violations.add(new Violation(at + ".value", "is required"));
            }
            DecimalValues.check(violations, at + ".value", m.value());
        }
    }

    /**
     * ratio (actual ÷ target) and inverse_ratio (target ÷ actual) are proportions: they need a positive (ratio) or
     * non-negative (inverse_ratio) target; where values can be negative, progress_from_baseline measures differences.
     */
    private static void checkSigns(List<Violation> violations, Method method, IndicatorDocument.Target target,
                                   List<IndicatorDocument.Milestone> milestones) {
        if (!method.isProportion()) {
            return;
        }
        boolean zeroAllowed = method == Method.INVERSE_RATIO;
        if (target != null && target.value() != null && (target.value().signum() < 0 || (!zeroAllowed && target.value().signum() == 0))) {
            violations.add(new Violation("target.value", signReason(method, zeroAllowed)));
        }
        for (int i = 0; i < milestones.size(); i++) {
            IndicatorDocument.Milestone m = milestones.get(i);
            if (m != null && m.value() != null && (m.value().signum() < 0 || (!zeroAllowed && m.value().signum() == 0))) {
                violations.add(new Violation("milestones[" + i + "].value", signReason(method, zeroAllowed)));
            }
        }
    }

    static String signReason(Method method, boolean zeroAllowed) {
        return "must be " + (zeroAllowed ? "0 or more" : "more than 0") + " for " + Vocabulary.wire(method)
            + "; where values can be negative or zero, use progress_from_baseline";
    }

    private static void checkRelated(List<Violation> violations, IndicatorKind kind, List<String> related) {
        if (!related.isEmpty() && kind == IndicatorKind.KPI) {
            violations.add(new Violation("relatedKpis", "only a KGI has related KPIs"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < related.size(); i++) {
            String code = related.get(i);
            if (code == null || !CODE.matcher(code).matches()) {
                violations.add(new Violation("relatedKpis[" + i + "]", Text.excerpt(code) + " is not an indicator code"));
            } else if (!seen.add(code)) {
                violations.add(new Violation("relatedKpis[" + i + "]", code + " is listed twice"));
            }
        }
    }

    /** The word as one of the vocabulary's, or a violation saying which words there are. */
    private static <E extends Enum<E>> Optional<E> required(List<Violation> violations, String field, E value, Class<E> type) {
        if (value == null) {
            violations.add(new Violation(field, "is required: one of " + String.join(", ", Vocabulary.words(type))));
        }
        return Optional.ofNullable(value);
    }

    static void text(List<Violation> violations, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
        } else if (value.length() > MAX_NAME) {
            violations.add(new Violation(field, "is longer than " + MAX_NAME + " characters"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
