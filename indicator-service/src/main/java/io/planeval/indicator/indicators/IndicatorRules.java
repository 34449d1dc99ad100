package io.planeval.indicator.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;

/** What makes an indicator definition valid, in plain Java; every violation is reported at once. */
public final class IndicatorRules {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Set<String> KINDS = Set.of("kgi", "kpi");
    public static final String QUALITATIVE = "qualitative";
    static final Map<String, String> DEFAULT_METHOD = Map.of(
        "higher_is_better", "ratio", "lower_is_better", "inverse_ratio", QUALITATIVE, QUALITATIVE);
    static final Set<String> METHODS = Set.of("ratio", "inverse_ratio", "progress_from_baseline", QUALITATIVE);
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
        oneOf(violations, "kind", doc.kind(), KINDS);
        text(violations, "name", doc.name(), true);
        text(violations, "department", doc.department(), false);
        text(violations, "sourceSystem", doc.sourceSystem(), false);
        if (doc.note() != null && doc.note().length() > MAX_NOTE) {
            violations.add(new Violation("note", "is longer than " + MAX_NOTE + " characters"));
        }
        oneOf(violations, "direction", doc.direction(), DEFAULT_METHOD.keySet());
        String method = doc.method() != null ? doc.method() : doc.direction() == null ? null : DEFAULT_METHOD.get(doc.direction());
        if (doc.method() != null) {
            oneOf(violations, "method", doc.method(), METHODS);
        }
        boolean qualitative = QUALITATIVE.equals(doc.direction());
        checkMethod(violations, doc, method, qualitative);
        if (!qualitative) {
            text(violations, "unit", doc.unit(), true);
        }
        checkTarget(violations, plan, doc.target(), qualitative);
        checkBaseline(violations, plan, doc.baseline(), doc.target(), qualitative);
        List<IndicatorDocument.Milestone> milestones = doc.milestones() == null ? List.of() : doc.milestones();
        checkMilestones(violations, plan, milestones, doc, qualitative);
        checkSigns(violations, method, doc.target(), milestones);
        List<String> related = doc.relatedKpis() == null ? List.of() : doc.relatedKpis();
        checkRelated(violations, doc.kind(), related);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        IndicatorDocument.Baseline baseline = doc.baseline() == null ? null : new IndicatorDocument.Baseline(
            DecimalValues.canonical(doc.baseline().value()), doc.baseline().fiscalYear(), FiscalYears.label(doc.baseline().fiscalYear()));
        IndicatorDocument.Target target = doc.target() == null ? null : new IndicatorDocument.Target(
            DecimalValues.canonical(doc.target().value()), doc.target().text(), doc.target().fiscalYear(),
            FiscalYears.label(doc.target().fiscalYear()));
        List<IndicatorDocument.Milestone> sorted = milestones.stream()
            .map(m -> new IndicatorDocument.Milestone(m.fiscalYear(), DecimalValues.canonical(m.value())))
            .sorted(Comparator.comparing(IndicatorDocument.Milestone::fiscalYear))
            .toList();
        return new IndicatorDocument(plan.code, code, doc.nodeCode(), doc.kind(), doc.name(), doc.unit(), baseline, target,
            sorted, doc.direction(), method, List.copyOf(related), doc.department(), doc.sourceSystem(), doc.note(),
            doc.version());
    }

    private static void checkMethod(List<Violation> violations, IndicatorDocument doc, String method, boolean qualitative) {
        if (method == null || !METHODS.contains(method) || doc.direction() == null) {
            return;
        }
        if (qualitative != QUALITATIVE.equals(method)) {
            violations.add(new Violation("method", qualitative
                ? "a qualitative indicator is judged by its reported outcome: method must be qualitative"
                : method + " needs a qualitative direction"));
        } else if ("ratio".equals(method) && "lower_is_better".equals(doc.direction())) {
            violations.add(new Violation("method", "ratio (actual ÷ target) rewards a higher actual; where lower is better use "
                + "inverse_ratio (target ÷ actual) or progress_from_baseline"));
        } else if ("inverse_ratio".equals(method) && "higher_is_better".equals(doc.direction())) {
            violations.add(new Violation("method", "inverse_ratio (target ÷ actual) rewards a lower actual; where higher is "
                + "better use ratio or progress_from_baseline"));
        } else if ("progress_from_baseline".equals(method) && (doc.baseline() == null || doc.baseline().value() == null)) {
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
    private static void checkSigns(List<Violation> violations, String method, IndicatorDocument.Target target,
                                   List<IndicatorDocument.Milestone> milestones) {
        if (!"ratio".equals(method) && !"inverse_ratio".equals(method)) {
            return;
        }
        boolean zeroAllowed = "inverse_ratio".equals(method);
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

    static String signReason(String method, boolean zeroAllowed) {
        return "must be " + (zeroAllowed ? "0 or more" : "more than 0") + " for " + method
            + "; where values can be negative or zero, use progress_from_baseline";
    }

    private static void checkRelated(List<Violation> violations, String kind, List<String> related) {
        if (!related.isEmpty() && "kpi".equals(kind)) {
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

    private static void oneOf(List<Violation> violations, String field, String value, Set<String> allowed) {
        if (value == null) {
            violations.add(new Violation(field, "is required: one of " + String.join(", ", allowed.stream().sorted().toList())));
        } else if (!allowed.contains(value)) {
            violations.add(new Violation(field, Text.excerpt(value) + " is not one of " + String.join(", ", allowed.stream().sorted().toList())));
        }
    }

    private static void text(List<Violation> violations, String field, String value, boolean required) {
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
