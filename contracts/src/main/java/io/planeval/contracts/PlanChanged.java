package io.planeval.contracts;

import java.time.Instant;
import java.util.List;

/**
 * {@value EventTypes#PLAN_CHANGED} on {@value Topics#PLANS}, keyed by plan code: the whole plan after a
 * committed change, so consumers never call plan-service back. A consumer keeps the highest version it has seen.
 * Schema: {@code schemas/plan-changed.v1.json}; golden sample: {@code samples/plan-changed.v1.json}.
 */
public record PlanChanged(String planCode, long version, Instant changedAt, Actor changedBy, Plan plan) implements Event {
    public PlanChanged {
        Required.present("planCode", planCode, "changedAt", changedAt, "plan", plan);
    }

    @Override
    public String topic() {
        return Topics.PLANS;
    }

    @Override
    public String type() {
        return EventTypes.PLAN_CHANGED;
    }

    @Override
    public String key() {
        return planCode;
    }

    /** The plan as plan-service exports it; {@code levels} names level 1, 2, … of the tree. */
    public record Plan(
        String code,
        String title,
        String description,
        int firstFiscalYear,
        int lastFiscalYear,
        List<String> levels,
        String vision,
        Vocabulary.PlanStatus status,
        /** Whether the plan's evaluation is open data: readable without a token */
        boolean openData,
        /** Whether reported figures count at once (none) or once a reviewer approves them (required); absent: none */
        Vocabulary.ReviewPolicy review,
        /** Whether a committee report is fixed only when every miss of its year has causes written; absent: true */
        Boolean causesRequired,
        List<Node> nodes) {
        public Plan {
            Required.present("code", code, "title", title, "levels", levels, "status", status, "nodes", nodes);
            // Events published before these settings existed carry neither: they meant no review, causes required.
            review = review == null ? Vocabulary.ReviewPolicy.NONE : review;
            causesRequired = causesRequired == null || causesRequired;
        }
    }

    /** A node of the tree, in depth-first order; {@code parent} is null at level 1. */
    public record Node(
        String code,
        String label,
        String title,
        String description,
        int level,
        String parent,
        int position,
        String note) {
        public Node {
            Required.present("code", code, "title", title);
        }
    }
}
