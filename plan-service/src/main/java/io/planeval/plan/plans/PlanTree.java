package io.planeval.plan.plans;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.contracts.Vocabulary.ReviewPolicy;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;

/**
 * The rules of a plan document, in plain Java: a valid tree has unique node codes, every node exactly one level
 * below its parent (so level-1 nodes and only they have none), no cycles, and distinct positions among siblings.
 */
public final class PlanTree {

    static final Pattern PLAN_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern NODE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_LEVELS = 20;
    /** Far more siblings than any plan has, and far from where adding one more would overflow. */
    static final int MAX_POSITION = 100_000;
    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 20_000;

    private PlanTree() {
    }

    public static boolean isPlanCode(String code) {
        return code != null && PLAN_CODE.matcher(code).matches();
    }

    /**
     * Checks a document and returns it normalised: defaults filled (status draft, positions in the order given),
     * read-only fields derived, nodes depth-first by position. Refuses with every violation at once.
     */
    public static PlanDocument normalize(String planCode, PlanDocument doc) {
        List<Violation> violations = new ArrayList<>();
        if (!isPlanCode(planCode)) {
            violations.add(new Violation("planCode", "must be lower-case letters, digits and '-', at most 63, e.g. gunma-2025-29"));
        }
        if (doc.code() != null && !doc.code().equals(planCode)) {
            violations.add(new Violation("code", Text.excerpt(doc.code()) + " differs from the plan code in the path, " + Text.excerpt(planCode)));
        }
        text(violations, "title", doc.title(), true, MAX_TITLE);
        text(violations, "description", doc.description(), false, MAX_TEXT);
        text(violations, "vision", doc.vision(), false, MAX_TEXT);
        year(violations, "firstFiscalYear", doc.firstFiscalYear());
        year(violations, "lastFiscalYear", doc.lastFiscalYear());
        if (doc.firstFiscalYear() != null && doc.lastFiscalYear() != null && doc.firstFiscalYear() > doc.lastFiscalYear()) {
            violations.add(new Violation("lastFiscalYear", doc.lastFiscalYear() + " is before firstFiscalYear " + doc.firstFiscalYear()));
        }
        PlanStatus status = doc.status() == null ? PlanStatus.DRAFT : doc.status();
        List<String> levels = doc.levels() == null ? List.of() : doc.levels();
        checkLevels(violations, levels);

        List<NodeDocument> nodes = doc.nodes() == null ? List.of() : doc.nodes();
        List<NodeDocument> positioned = checkNodes(violations, nodes, levels);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<NodeDocument> ordered = depthFirst(positioned).stream()
            .map(node -> node.withLevelName(levels.get(node.level() - 1)))
            .toList();
        return new PlanDocument(planCode, doc.title(), doc.description(),
            doc.firstFiscalYear(), FiscalYears.label(doc.firstFiscalYear()),
            doc.lastFiscalYear(), FiscalYears.label(doc.lastFiscalYear()),
            List.copyOf(levels), doc.vision(), status, Boolean.TRUE.equals(doc.openData()),
            doc.review() == null ? ReviewPolicy.NONE : doc.review(), doc.causesRequired() == null || doc.causesRequired(), doc.version(), doc.changedAt(),
            doc.changedBy(), ordered);
    }

    private static void checkLevels(List<Violation> violations, List<String> levels) {
        if (levels.isEmpty()) {
            violations.add(new Violation("levels", "is required: the names of the plan's levels, e.g. [\"目標\",\"方針\",\"実施項目\",\"事業\"]"));
        } else if (levels.size() > MAX_LEVELS) {
            violations.add(new Violation("levels", "names " + levels.size() + " levels; at most " + MAX_LEVELS + " are accepted"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            String name = levels.get(i);
            if (name == null || name.isBlank()) {
                violations.add(new Violation("levels[" + i + "]", "must not be blank"));
            } else if (name.length() > MAX_TITLE) {
                violations.add(new Violation("levels[" + i + "]", "is longer than " + MAX_TITLE + " characters"));
            } else if (!seen.add(Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT))) {
                // Told apart as a person reads them: the same letters in another Unicode form or case are one name.
                violations.add(new Violation("levels[" + i + "]", name + " is named twice"));
            }
        }
    }

    /** Per-node checks, then the tree's; returns the nodes with default positions filled. */
    private static List<NodeDocument> checkNodes(List<Violation> violations, List<NodeDocument> nodes, List<String> levels) {
        Map<String, Integer> indexByCode = new HashMap<>();
        Map<String, Integer> indexByCaseless = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeDocument node = nodes.get(i);
            String at = "nodes[" + i + "]";
            if (node == null) {
                violations.add(new Violation(at, "must not be null"));
                continue;
            }
            if (node.code() == null || node.code().isBlank()) {
                violations.add(new Violation(at + ".code", "is required"));
            } else if (!NODE_CODE.matcher(node.code()).matches()) {
                violations.add(new Violation(at + ".code", Text.excerpt(node.code()) + " must be letters, digits, '.', '_' or '-', at most 64"));
            } else {
                Integer first = indexByCode.putIfAbsent(node.code(), i);
                Integer sameButForCase = indexByCaseless.putIfAbsent(node.code().toLowerCase(Locale.ROOT), i);
                if (first != null) {
                    violations.add(new Violation(at + ".code", node.code() + " is already used by nodes[" + first + "]"));
                } else if (sameButForCase != null) {
                    violations.add(new Violation(at + ".code", node.code() + " differs from the code of nodes[" + sameButForCase
                        + "] only by case: a person reads them as one, so codes are told apart without case"));
                }
            }
            text(violations, at + ".title", node.title(), true, MAX_TITLE);
            text(violations, at + ".label", node.label(), false, MAX_TITLE);
            text(violations, at + ".description", node.description(), false, MAX_TEXT);
            text(violations, at + ".note", node.note(), false, MAX_TEXT);
            if (node.level() == null) {
                violations.add(new Violation(at + ".level", "is required"));
            } else if (!isLevel(node.level(), levels)) {
                violations.add(new Violation(at + ".level", node.level() + " is not a level of this plan (1 to " + levels.size() + ")"));
            } else if (node.level() == 1 && node.parent() != null) {
                violations.add(new Violation(at + ".parent", "a level-1 node (" + levelName(levels, 1) + ") has no parent, not "
                    + Text.excerpt(node.parent())));
            } else if (node.level() > 1 && node.parent() == null) {
                violations.add(new Violation(at + ".parent", "is required below level 1"));
            }
            if (node.position() != null && (node.position() < 1 || node.position() > MAX_POSITION)) {
                violations.add(new Violation(at + ".position", "must be from 1 to " + MAX_POSITION + ", not " + node.position()));
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeDocument node = nodes.get(i);
            if (node == null || node.parent() == null || node.level() == null || !isLevel(node.level(), levels)) {
                continue;
            }
            Integer parentIndex = indexByCode.get(node.parent());
            if (parentIndex == null) {
                violations.add(new Violation("nodes[" + i + "].parent", Text.excerpt(node.parent()) + " does not exist"));
            } else if (nodes.get(parentIndex).level() != null && nodes.get(parentIndex).level() + 1 != node.level()) {
                NodeDocument parent = nodes.get(parentIndex);
                violations.add(new Violation("nodes[" + i + "].level", node.level() + " is not one below its parent "
                    + parent.code() + " (level " + parent.level() + ", " + levelName(levels, parent.level()) + ")"));
            }
        }
        checkCycles(violations, nodes, indexByCode);
        return checkPositions(violations, nodes);
    }

    private static void checkCycles(List<Violation> violations, List<NodeDocument> nodes, Map<String, Integer> indexByCode) {
        Set<Integer> cleared = new HashSet<>();
        for (int start = 0; start < nodes.size(); start++) {
            List<Integer> chain = new ArrayList<>();
            Set<Integer> onChain = new HashSet<>();
            Integer at = start;
            while (at != null && nodes.get(at) != null && !cleared.contains(at) && onChain.add(at)) {
                chain.add(at);
                at = nodes.get(at).parent() == null ? null : indexByCode.get(nodes.get(at).parent());
            }
            if (at != null && onChain.contains(at)) {
                List<Integer> cycle = chain.subList(chain.indexOf(at), chain.size());
                StringBuilder path = new StringBuilder();
                cycle.forEach(i -> path.append(nodes.get(i).code()).append(" → "));
                path.append(nodes.get(at).code());
                int first = cycle.stream().min(Integer::compare).orElseThrow();
                violations.add(new Violation("nodes[" + first + "].parent", "forms a cycle: " + path));
            }
            cleared.addAll(chain);
        }
    }

    private static List<NodeDocument> checkPositions(List<Violation> violations, List<NodeDocument> nodes) {
        Map<String, Map<Integer, Integer>> takenBySiblings = new HashMap<>();
        Map<String, Integer> highest = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeDocument node = nodes.get(i);
            if (node != null && node.position() != null && node.position() >= 1 && node.position() <= MAX_POSITION) {
                Integer other = takenBySiblings.computeIfAbsent(siblingKey(node), k -> new HashMap<>()).putIfAbsent(node.position(), i);
                if (other != null) {
                    violations.add(new Violation("nodes[" + i + "].position", node.position() + " is already taken by sibling "
                        + nodes.get(other).code()));
                }
                highest.merge(siblingKey(node), node.position(), Math::max);
            }
        }
        List<NodeDocument> positioned = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            NodeDocument node = nodes.get(i);
            if (node != null && node.position() == null) {
                int next = highest.merge(siblingKey(node), 1, (current, one) -> current + one);
                if (next > MAX_POSITION) {
                    violations.add(new Violation("nodes[" + i + "].position", "would be " + next + " after its last sibling, beyond "
                        + MAX_POSITION + ": give it a position"));
                }
                positioned.add(node.withPosition(next));
            } else {
                positioned.add(node);
            }
        }
        return positioned;
    }

    /** Roots first, each followed by its subtree, siblings by position. */
    static List<NodeDocument> depthFirst(List<NodeDocument> nodes) {
        Map<String, List<NodeDocument>> children = new LinkedHashMap<>();
        for (NodeDocument node : nodes) {
            children.computeIfAbsent(siblingKey(node), k -> new ArrayList<>()).add(node);
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(NodeDocument::position)));
        List<NodeDocument> ordered = new ArrayList<>(nodes.size());
        appendSubtrees(children, "", ordered);
        return ordered;
    }

    private static void appendSubtrees(Map<String, List<NodeDocument>> children, String parentKey, List<NodeDocument> out) {
        for (NodeDocument child : children.getOrDefault(parentKey, List.of())) {
            out.add(child);
            appendSubtrees(children, "/" + child.code(), out);
        }
    }

    private static String siblingKey(NodeDocument node) {
        return node.parent() == null ? "" : "/" + node.parent();
    }

    /** Out-of-range levels are reported once; with no levels named, that is reported instead. */
    private static boolean isLevel(int level, List<String> levels) {
        return level >= 1 && (levels.isEmpty() || level <= levels.size());
    }

    private static String levelName(List<String> levels, int level) {
        return level >= 1 && level <= levels.size() ? levels.get(level - 1) : "level " + level;
    }

    private static void text(List<Violation> violations, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
        } else if (value.length() > max) {
            violations.add(new Violation(field, "is longer than " + max + " characters"));
        }
    }

    private static void year(List<Violation> violations, String field, Integer year) {
        if (year == null) {
            violations.add(new Violation(field, "is required, as a Gregorian year, e.g. 2025 for 令和7年度"));
        } else if (!FiscalYears.accepted(year)) {
            violations.add(new Violation(field, FiscalYears.yearFault(year)));
        }
    }
}
