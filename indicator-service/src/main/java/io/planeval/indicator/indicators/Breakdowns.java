package io.planeval.indicator.indicators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.Aggregation;
import io.planeval.contracts.Vocabulary.ShareCondition;
import io.planeval.indicator.indicators.IndicatorDocument.Breakdown;
import io.planeval.indicator.indicators.IndicatorDocument.Dimension;
import io.planeval.indicator.indicators.IndicatorDocument.Member;
import io.planeval.indicator.indicators.IndicatorDocument.MemberSetting;
import io.planeval.support.decimal.Decimals;
import io.planeval.support.members.MemberKeys;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;

/**
 * What makes a breakdown valid, in plain Java, and its normal form: the built-in lists' members and names filled in,
 * settings keyed in dimension order, decimals canonical. A measurement's members are checked against that form.
 */
public final class Breakdowns {

    static final int MAX_DIMENSIONS = 3;
    /** Cells (one member of every dimension) an indicator may have: Gunma's 35 municipalities × 2 sexes × 20 ages is 1,400. */
    static final int MAX_CELLS = 10_000;

    private Breakdowns() {
    }

    /** The breakdown in normal form, or null when there is none; every violation is added. */
    static Breakdown normalize(List<Violation> violations, IndicatorDocument doc, boolean qualitative) {
        Breakdown b = doc.breakdown();
        if (b == null) {
            return null;
        }
        if (qualitative) {
            violations.add(new Violation("breakdown", "a qualitative indicator's outcome is not broken down: its members would have no figures to aggregate"));
            return null;
        }
        List<Dimension> dimensions = dimensions(violations, b.dimensions());
        if (b.whole() == null) {
            violations.add(new Violation("breakdown.whole", "is required: one of " + String.join(", ", Vocabulary.words(Vocabulary.WholeFigure.class))));
        }
        if (b.aggregation() == null) {
            violations.add(new Violation("breakdown.aggregation", "is required: one of " + String.join(", ", Vocabulary.words(Aggregation.class))));
        }
        if (b.aggregation() == Aggregation.SHARE) {
            if (b.condition() == null) {
                violations.add(new Violation("breakdown.condition", "is required by share: one of " + String.join(", ", Vocabulary.words(ShareCondition.class))));
            } else if (b.condition() == ShareCondition.AT_LEAST && b.threshold() == null) {
                violations.add(new Violation("breakdown.threshold", "is required by a share of members at_least a value"));
            } else if (b.condition() == ShareCondition.ACHIEVED && b.threshold() != null) {
                violations.add(new Violation("breakdown.threshold", "only a share of members at_least a value has a threshold; achieved compares each with its target"));
            }
        } else {
            if (b.condition() != null) {
                violations.add(new Violation("breakdown.condition", "only a share has a condition"));
            }
            if (b.threshold() != null) {
                violations.add(new Violation("breakdown.threshold", "only a share of members at_least a value has a threshold"));
            }
        }
        DecimalValues.check(violations, "breakdown.threshold", b.threshold());
        if (b.decimals() != null && (b.decimals() < 0 || b.decimals() > DecimalValues.MAX_FRACTION_DIGITS)) {
            violations.add(new Violation("breakdown.decimals", b.decimals() + " is not 0 to " + DecimalValues.MAX_FRACTION_DIGITS));
        }
        List<MemberSetting> settings = settings(violations, b.settings(), dimensions);
        long cells = dimensions.stream().mapToLong(d -> d.members().size()).reduce(1, Math::multiplyExact);
        if (cells > MAX_CELLS) {
            violations.add(new Violation("breakdown.dimensions", cells + " cells (one member of every dimension) are more than " + MAX_CELLS));
        } else if (b.aggregation() == Aggregation.WEIGHTED_MEAN && !dimensions.isEmpty()
            && settings.stream().filter(s -> s.weight() != null).count() < cells) {
            violations.add(new Violation("breakdown.settings", "weighted_mean needs a weight for every cell: "
                + settings.stream().filter(s -> s.weight() != null).count() + " of " + cells + " have one"));
        }
        if (b.aggregation() == Aggregation.SHARE && b.condition() == ShareCondition.ACHIEVED && doc.target() == null
            && settings.stream().noneMatch(s -> s.target() != null)) {
            violations.add(new Violation("breakdown.condition", "a share of members that achieved needs targets: give the indicator a "
                + "target, or its cells their own"));
        }
        return new Breakdown(dimensions, b.whole(), b.aggregation(), b.condition(), Decimals.canonical(b.threshold()), b.decimals(), settings);
    }

    private static List<Dimension> dimensions(List<Violation> violations, List<Dimension> given) {
        if (given == null || given.isEmpty()) {
            violations.add(new Violation("breakdown.dimensions", "name one to " + MAX_DIMENSIONS + " dimensions, e.g. [{\"code\": \"municipality\"}]"));
            return List.of();
        }
        if (given.size() > MAX_DIMENSIONS) {
            violations.add(new Violation("breakdown.dimensions", given.size() + " dimensions are more than " + MAX_DIMENSIONS));
        }
        List<Dimension> normal = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "breakdown.dimensions[" + i + "]";
            Dimension d = given.get(i);
            if (d == null || d.code() == null || !IndicatorRules.CODE.matcher(d.code()).matches()) {
                violations.add(new Violation(at + ".code", Text.excerpt(d == null ? null : d.code()) + " is not a dimension code"));
                continue;
            }
            if (!seen.add(d.code())) {
                violations.add(new Violation(at + ".code", d.code() + " is named twice"));
                continue;
            }
            var list = CodeLists.builtIn(d.code());
            Map<String, String> members = new LinkedHashMap<>();
            if (list.isPresent()) {
                if (d.name() != null) {
                    violations.add(new Violation(at + ".name", d.code() + " is a built-in list and names itself (" + list.get().name() + ")"));
                }
                if (d.members() == null || d.members().isEmpty()) {
                    if (!list.get().wholeByDefault()) {
                        violations.add(new Violation(at + ".members", "name the members of " + d.code() + " the indicator uses, from "
                            + String.join(", ", list.get().members().keySet())));
                    }
                    members.putAll(list.get().members());
                } else {
                    members(violations, at, d.members(), code -> list.get().members().get(code), members);
                }
                normal.add(new Dimension(d.code(), list.get().name(), toMembers(members)));
            } else {
                IndicatorRules.text(violations, at + ".name", d.name(), false);
                if (d.members() == null || d.members().isEmpty()) {
                    violations.add(new Violation(at + ".members", d.code() + " is not a built-in list (municipality, sex, age): "
                        + "give its members, each a code and a name"));
                } else {
                    members(violations, at, d.members(), null, members);
                }
                normal.add(new Dimension(d.code(), d.name(), toMembers(members)));
            }
        }
        return normal;
    }

    /** Members as given: codes checked, once each; a built-in list's names replace what was given. */
    private static void members(List<Violation> violations, String at, List<Member> given,
                                Function<String, String> builtInName, Map<String, String> into) {
        for (int j = 0; j < given.size(); j++) {
            Member m = given.get(j);
            String field = at + ".members[" + j + "]";
            if (m == null || m.code() == null || !IndicatorRules.CODE.matcher(m.code()).matches()) {
                violations.add(new Violation(field + ".code", Text.excerpt(m == null ? null : m.code()) + " is not a member code"));
            } else if (into.containsKey(m.code())) {
                violations.add(new Violation(field + ".code", m.code() + " is listed twice"));
            } else if (builtInName != null) {
                String name = builtInName.apply(m.code());
                if (name == null) {
                    violations.add(new Violation(field + ".code", m.code() + " is not in the list"));
                } else {
                    into.put(m.code(), name);
                }
            } else {
                IndicatorRules.text(violations, field + ".name", m.name(), false);
                into.put(m.code(), m.name());
            }
        }
    }

    private static List<Member> toMembers(Map<String, String> members) {
        return members.entrySet().stream().map(e -> new Member(e.getKey(), e.getValue())).toList();
    }

    private static List<MemberSetting> settings(List<Violation> violations, List<MemberSetting> given, List<Dimension> dimensions) {
        if (given == null) {
            return List.of();
        }
        List<MemberSetting> normal = new ArrayList<>();
        Set<String> cells = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "breakdown.settings[" + i + "]";
            MemberSetting s = given.get(i);
            if (s == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            String fault = cellFault(s.members(), dimensions);
            if (fault != null) {
                violations.add(new Violation(at + ".members", fault));
                continue;
            }
            if (!cells.add(MemberKeys.key(s.members()))) {
                violations.add(new Violation(at + ".members", "this cell has a setting already"));
            }
            DecimalValues.check(violations, at + ".target", s.target());
            DecimalValues.check(violations, at + ".weight", s.weight());
            if (s.weight() != null && s.weight().signum() <= 0) {
                violations.add(new Violation(at + ".weight", "must be more than 0"));
            }
            if (s.target() == null && s.weight() == null) {
                violations.add(new Violation(at, "gives neither a target nor a weight"));
            }
            normal.add(new MemberSetting(new TreeMap<>(s.members()), Decimals.canonical(s.target()), Decimals.canonical(s.weight())));
        }
        return normal;
    }

    /** Why these members are not one cell of the dimensions (one member of each), or null when they are. */
    static String cellFault(Map<String, String> members, List<Dimension> dimensions) {
        if (members == null || members.size() != dimensions.size()) {
            return "a cell names one member of each dimension (" + String.join(", ", dimensions.stream().map(Dimension::code).toList()) + ")";
        }
        for (Dimension d : dimensions) {
            String member = members.get(d.code());
            if (member == null) {
                return "names no member of " + d.code();
            }
            if (d.members().stream().noneMatch(m -> m.code().equals(member))) {
                return Text.excerpt(member) + " is not a member of " + d.code();
            }
        }
        return null;
    }

    /**
     * Adds a violation for each member a measurement names that its indicator's breakdown does not have, or where it
     * posts the whole that is derived. {@code at} prefixes the field (e.g. {@code [3].}).
     */
    public static void checkMeasurement(String at, Map<String, String> members, Indicator indicator, List<Violation> violations) {
        Breakdown b = indicator.breakdown;
        boolean whole = members == null || members.isEmpty();
        if (b == null) {
            if (!whole) {
                violations.add(new Violation(at + "members", indicator.code + " is not broken down: post its figure without members"));
            }
            return;
        }
        if (whole) {
            if (b.whole() == Vocabulary.WholeFigure.DERIVED) {
                violations.add(new Violation(at + "members", indicator.code + "'s own figure is derived from its members' ("
                    + b.aggregation() + "): post a member's figure, naming its " + String.join(" and ",
                    b.dimensions().stream().map(Dimension::code).toList())));
            }
            return;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(members).entrySet()) {
            Dimension d = b.dimensions().stream().filter(x -> x.code().equals(e.getKey())).findFirst().orElse(null);
            if (d == null) {
                violations.add(new Violation(at + "members." + Text.excerpt(e.getKey()), indicator.code + " is broken down by "
                    + String.join(", ", b.dimensions().stream().map(Dimension::code).toList()) + ", not " + Text.excerpt(e.getKey())));
            } else if (e.getValue() == null || d.members().stream().noneMatch(m -> m.code().equals(e.getValue()))) {
                violations.add(new Violation(at + "members." + d.code(), Text.excerpt(e.getValue()) + " is not a member of "
                    + d.code() + " for " + indicator.code));
            }
        }
    }

    /** Whether the members name the caller's organisation as a municipality's own part (a municipality posts its own figures). */
    public static boolean isOwnPart(Map<String, String> members, String organisation) {
        return organisation != null && members != null && organisation.equals(members.get(CodeLists.MUNICIPALITY));
    }
}
