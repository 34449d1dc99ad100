package io.planeval.evaluation.attainment;

import java.util.Map;

/** A node of the plan's tree as the roll-up needs it. */
public record PlanNode(String code, String label, String title, int level, String levelName, String parent, int position) {

    /** The goal (level-1 node) a node belongs to, itself if it is one; null for a code not in the plan. */
    public static PlanNode goalOf(String nodeCode, Map<String, PlanNode> byCode) {
        PlanNode at = byCode.get(nodeCode);
        while (at != null && at.parent() != null) {
            at = byCode.get(at.parent());
        }
        return at;
    }

    /** The code of {@link #goalOf}, or null. */
    public static String goalCodeOf(String nodeCode, Map<String, PlanNode> byCode) {
        PlanNode goal = goalOf(nodeCode, byCode);
        return goal == null ? null : goal.code();
    }
}
