package io.planeval.plan.plans;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.planeval.contracts.PlanChanged;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.persistence.AdvisoryLocks;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.time.Moments;
import io.planeval.support.write.VersionedWrites;
import io.planeval.support.write.VersionedWrites.Stored;

/**
 * Every change to a plan goes through {@link #replace}: node edits are whole-document edits, so one set of rules
 * holds everywhere. A change that changes nothing commits nothing and publishes nothing.
 */
@ApplicationScoped
public class PlanService {

    private static final Pattern NODE_FIELD = Pattern.compile("^nodes\\[(\\d+)]\\.?");

    @Inject
    Outbox outbox;

    @Inject
    AdvisoryLocks locks;

    @Inject
    Caller caller;

    /** A page of plans in code order, after the plan code the cursor holds. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PlanSummary> list(int limit, String cursor) {
        List<String> after = QueryParams.cursorKeys(cursor, 1);
        List<Object[]> rows = Plan.getEntityManager()
            .createQuery("SELECT p, SIZE(p.nodes) FROM Plan p WHERE p.code > :after ORDER BY p.code", Object[].class)
            .setParameter("after", after == null ? "" : after.get(0))
            .setMaxResults(limit + 1)
            .getResultList();
        List<PlanSummary> plans = rows.stream().map(row -> PlanSummary.of((Plan) row[0], ((Number) row[1]).intValue())).toList();
        return Page.of(plans, limit, plan -> QueryParams.cursor(plan.code()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanDocument get(String planCode) {
        return toDocument(existing(Plan.findByCode(planCode).orElse(null), planCode));
    }

    @Transactional
    public Stored<PlanDocument> put(String planCode, PlanDocument document, Long expectedVersion) {
        PlanDocument normalized = PlanTree.normalize(planCode, document);
        // Concurrent creators of one plan take turns: one creates it, the others find it and compare.
        locks.lock("plan/" + planCode);
        Plan plan = Plan.findByCodeForUpdate(planCode).orElse(null);
        VersionedWrites.checkIfMatch("Plan " + planCode, plan == null ? null : plan.version, expectedVersion);
        if (plan == null) {
            plan = new Plan();
            plan.code = planCode;
            return Stored.created(commit(plan, normalized));
        }
        return replace(plan, normalized);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NodeView node(String planCode, String nodeCode) {
        PlanDocument plan = get(planCode);
        Map<String, NodeDocument> byCode = new HashMap<>();
        plan.nodes().forEach(node -> byCode.put(node.code(), node));
        NodeDocument node = byCode.get(nodeCode);
        if (node == null) {
            throw ProblemException.notFound("Plan " + planCode + " has no node " + nodeCode);
        }
        List<NodeView.NodeRef> path = new ArrayList<>();
        for (NodeDocument at = node; at != null; at = at.parent() == null ? null : byCode.get(at.parent())) {
            path.add(0, NodeView.NodeRef.of(at));
        }
        List<NodeView.NodeRef> children = plan.nodes().stream()
            .filter(child -> nodeCode.equals(child.parent()))
            .map(NodeView.NodeRef::of)
            .toList();
        return new NodeView(planCode, plan.version(), node, path, children);
    }

    @Transactional
    public Stored<PlanDocument> addNode(String planCode, NodeDocument node, Long expectedVersion) {
        Plan plan = lockedPlan(planCode, expectedVersion);
        PlanDocument current = toDocument(plan);
        if (node.code() != null && current.nodes().stream().anyMatch(n -> n.code().equals(node.code()))) {
            throw ProblemException.conflict("Plan " + planCode + " already has a node " + node.code());
        }
        List<NodeDocument> nodes = new ArrayList<>(current.nodes());
        nodes.add(node);
        return replaceNodes(plan, current, nodes, nodes.size() - 1);
    }

    @Transactional
    public Stored<PlanDocument> updateNode(String planCode, String nodeCode, UnaryOperator<NodeDocument> change, Long expectedVersion) {
        Plan plan = lockedPlan(planCode, expectedVersion);
        PlanDocument current = toDocument(plan);
        int index = indexOf(current, nodeCode);
        List<NodeDocument> nodes = new ArrayList<>(current.nodes());
        NodeDocument changed = change.apply(nodes.get(index));
        if (!nodeCode.equals(changed.code())) {
            throw ProblemException.invalid("code", "a node's code cannot be changed; add a new node and delete this one");
        }
        nodes.set(index, changed);
        return replaceNodes(plan, current, nodes, index);
    }

    @Transactional
    public Stored<PlanDocument> deleteNode(String planCode, String nodeCode, boolean cascade, Long expectedVersion) {
        Plan plan = lockedPlan(planCode, expectedVersion);
        PlanDocument current = toDocument(plan);
        indexOf(current, nodeCode);
        List<String> children = current.nodes().stream().filter(n -> nodeCode.equals(n.parent())).map(NodeDocument::code).toList();
        if (!children.isEmpty() && !cascade) {
            throw ProblemException.conflict("Node " + nodeCode + " has children " + String.join(", ", children)
                + "; delete them first or ask for cascade=true");
        }
        Set<String> removed = new HashSet<>(Set.of(nodeCode));
        // Depth-first order puts every descendant after its parent, so one pass collects the subtree.
        for (NodeDocument n : current.nodes()) {
            if (n.parent() != null && removed.contains(n.parent())) {
                removed.add(n.code());
            }
        }
        List<NodeDocument> nodes = current.nodes().stream().filter(n -> !removed.contains(n.code())).toList();
        return replaceNodes(plan, current, nodes, -1);
    }

    private Stored<PlanDocument> replaceNodes(Plan plan, PlanDocument current, List<NodeDocument> nodes, int editedIndex) {
        PlanDocument proposal = new PlanDocument(current.code(), current.title(), current.description(),
            current.firstFiscalYear(), null, current.lastFiscalYear(), null, current.levels(), current.vision(),
            current.status(), current.openData(), current.review(), current.causesRequired(), null, null, null, nodes);
        PlanDocument normalized;
        try {
            normalized = PlanTree.normalize(plan.code, proposal);
        } catch (ProblemException e) {
            throw ProblemException.invalid(e.problem().violations().stream()
                .map(v -> new Violation(nodeField(v.field(), nodes, editedIndex), v.reason()))
                .toList());
        }
        return replace(plan, normalized);
    }

    /** A violation of the edited node names its own field ({@code parent}); one of another node names that node. */
    private static String nodeField(String field, List<NodeDocument> nodes, int editedIndex) {
        Matcher m = NODE_FIELD.matcher(field);
        if (!m.find()) {
            return field;
        }
        int index = Integer.parseInt(m.group(1));
        String rest = field.substring(m.end());
        if (index == editedIndex) {
            return rest.isEmpty() ? "body" : rest;
        }
        return "nodes[" + nodes.get(index).code() + "]" + (rest.isEmpty() ? "" : "." + rest);
    }

    /** The plan, already checked against If-Match, becomes the normalized document. */
    private Stored<PlanDocument> replace(Plan plan, PlanDocument normalized) {
        PlanDocument current = toDocument(plan);
        if (current.content().equals(normalized.content())) {
            return Stored.unchanged(current);
        }
        return Stored.replaced(commit(plan, normalized));
    }

    private PlanDocument commit(Plan plan, PlanDocument doc) {
        Instant now = Moments.now();
        plan.title = doc.title();
        plan.description = doc.description();
        plan.firstFiscalYear = doc.firstFiscalYear();
        plan.lastFiscalYear = doc.lastFiscalYear();
        plan.levels = doc.levels();
        plan.vision = doc.vision();
        plan.status = doc.status();
        plan.openData = doc.openData();
        plan.review = doc.review();
        plan.causesRequired = doc.causesRequired();
        plan.version = plan.version + 1;
        plan.updatedAt = now;
        plan.changedBy = caller.actor();
        Map<String, PlanNode> existing = new HashMap<>();
        plan.nodes.forEach(node -> existing.put(node.code, node));
        Set<String> kept = new HashSet<>();
        for (NodeDocument node : doc.nodes()) {
            PlanNode entity = existing.get(node.code());
            if (entity == null) {
                entity = new PlanNode();
                entity.plan = plan;
                plan.nodes.add(entity);
            }
            entity.copyFrom(node);
            kept.add(node.code());
        }
        plan.nodes.removeIf(node -> !kept.contains(node.code));
        if (!plan.isPersistent()) {
            plan.persist();
        }
        PlanDocument saved = toDocument(plan);
        outbox.append(event(saved));
        return saved;
    }

    private Plan lockedPlan(String planCode, Long expectedVersion) {
        Plan plan = existing(Plan.findByCodeForUpdate(planCode).orElse(null), planCode);
        VersionedWrites.checkIfMatch("Plan " + planCode, plan.version, expectedVersion);
        return plan;
    }

    private static Plan existing(Plan plan, String planCode) {
        if (plan == null) {
            throw ProblemException.notFound("There is no plan " + planCode);
        }
        return plan;
    }

    private static int indexOf(PlanDocument plan, String nodeCode) {
        for (int i = 0; i < plan.nodes().size(); i++) {
            if (plan.nodes().get(i).code().equals(nodeCode)) {
                return i;
            }
        }
        throw ProblemException.notFound("Plan " + plan.code() + " has no node " + nodeCode);
    }

    static PlanDocument toDocument(Plan plan) {
        List<NodeDocument> nodes = plan.nodes.stream()
            .map(node -> node.toDocument(null))
            .toList();
        PlanDocument stored = new PlanDocument(plan.code, plan.title, plan.description, plan.firstFiscalYear, null,
            plan.lastFiscalYear, null, plan.levels, plan.vision, plan.status, plan.openData, plan.review, plan.causesRequired, plan.version, plan.updatedAt,
            plan.changedBy, nodes);
        return PlanTree.normalize(plan.code, stored);
    }

    static PlanChanged event(PlanDocument plan) {
        List<PlanChanged.Node> nodes = plan.nodes().stream()
            .map(n -> new PlanChanged.Node(n.code(), n.label(), n.title(), n.description(), n.level(), n.parent(),
                n.position(), n.note()))
            .toList();
        return new PlanChanged(plan.code(), plan.version(), plan.changedAt(), plan.changedBy(), new PlanChanged.Plan(plan.code(),
            plan.title(), plan.description(), plan.firstFiscalYear(), plan.lastFiscalYear(), plan.levels(), plan.vision(),
            plan.status(), plan.openData(), plan.review(), plan.causesRequired(), nodes));
    }
}
