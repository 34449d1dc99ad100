package io.planeval.evaluation.attainment;

/** A node of the plan's tree as the roll-up needs it. */
public record PlanNode(String code, String label, String title, int level, String levelName, String parent, int position) {
}
