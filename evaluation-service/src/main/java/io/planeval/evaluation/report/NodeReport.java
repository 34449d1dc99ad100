package io.planeval.evaluation.report;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.planeval.evaluation.attainment.NodeRollup;
import io.planeval.evaluation.narrative.NodeNarrative;

/** A node's roll-up: its subtree's KPIs, its own KGIs, its subtree's unachieved KPIs. */
@Schema(name = "NodeReport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeReport(
    @Schema(description = "null for the whole plan's totals") String code,
    String label,
    String title,
    Integer level,
    String levelName,
    @Schema(description = "The committee's written evaluation of the node and its highlights for the year, as of the moment; absent where none was written")
    NodeNarrative narrative,
    KpiCounts kpis,
    @Schema(description = "achieved ÷ (achieved + not achieved) over the subtree's KPIs; absent when nothing is decided")
    Rate kpiAchievementRate,
    List<IndicatorResult> kgis,
    @Schema(description = "Mean attainment of the node's KGIs that have one (a KGI being tallied is left out)")
    Rate kgiAttainment,
    @Schema(description = "Absent on the whole plan's totals, which would repeat the goals' lists")
    List<UnachievedKpi> unachievedKpis,
    @Schema(description = "Only on the node endpoint: the node's own indicators") List<IndicatorResult> indicators,
    @Schema(description = "Only on the node endpoint: the children's roll-ups") List<NodeReport> children) {

    @Schema(name = "KpiCounts")
    public record KpiCounts(int achieved, int notAchieved, int beingTallied, int noTarget, int total) {
    }

    static NodeReport of(NodeRollup r, NodeNarrative narrative, EvaluationQueries.Snapshot s, List<IndicatorResult> indicators,
                         List<NodeReport> children) {
        NodeRollup.KpiCounts k = r.kpis();
        return new NodeReport(r.node().code(), r.node().label(), r.node().title(),
            r.node().code() == null ? null : r.node().level(), r.node().levelName(), narrative,
            new KpiCounts(k.achieved(), k.notAchieved(), k.beingTallied(), k.noTarget(), k.total()),
            Rate.whole(r.kpiAchievementRate()),
            r.kgis().stream().map(s::result).toList(),
            Rate.whole(r.kgiAttainment()),
            r.node().code() == null ? null : r.unachievedKpis().stream()
                .map(e -> UnachievedKpi.of(e, s.narratives().indicators().get(e.indicator().code()))).toList(),
            indicators, children);
    }
}
