package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node's results: KPI counts over its whole subtree and the KPI achievement rate achieved ÷ (achieved + not
 * achieved), null when nothing is decided; the KGIs attached to the node itself and the mean of their defined
 * attainments; the unachieved KPIs of the subtree; and the same for each child.
 */
public record NodeRollup(
    PlanNode node,
    KpiCounts kpis,
    BigDecimal kpiAchievementRate,
    List<Evaluation> kgis,
    BigDecimal kgiAttainment,
    List<Evaluation> unachievedKpis,
    List<NodeRollup> children) {

    /** KPIs by status. */
    public record KpiCounts(int achieved, int notAchieved, int beingTallied, int noTarget) {

        public int total() {
            return achieved + notAchieved + beingTallied + noTarget;
        }

        /** achieved ÷ (achieved + not achieved); being tallied and no target count in neither. */
        public BigDecimal achievementRate() {
            return Percent.of(BigDecimal.valueOf(achieved), BigDecimal.valueOf((long) achieved + notAchieved));
        }
    }
}
