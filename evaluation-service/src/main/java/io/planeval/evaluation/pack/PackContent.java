package io.planeval.evaluation.pack;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.evaluation.chart.ChartPicture;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.evaluation.report.NodeReport;
import io.planeval.evaluation.report.PlanReport;
import io.planeval.support.time.Moments;

/**
 * What the committee's pack shows, whatever its format: the report (per goal its KPI counts and rates, KGIs, misses
 * with their causes and actions, written evaluation and highlights), every indicator of each goal, and each KGI's
 * chart against its path (by code; a KGI with nothing to draw has none).
 */
public record PackContent(String name, PlanReport report, Instant asOf, Map<String, List<IndicatorResult>> indicatorsByGoal,
                          Map<String, ChartPicture> kgiCharts) {


    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(Moments.JAPAN);

    /** The moment the figures are as of, as the committee's slides print it (Japan's date). */
    public String asOfLabel() {
        return DAY.format(asOf);
    }

    /** 「M月d日時点・集計中項目あり」 where any indicator of the year is still being tallied, else null. */
    public String tallyingNote() {
        return report.totals().kpis().beingTallied() > 0 || report.goals().stream()
            .flatMap(g -> g.kgis().stream()).anyMatch(k -> k.status() == EvaluationStatus.BEING_TALLIED)
            ? DateTimeFormatter.ofPattern("M月d日").withZone(Moments.JAPAN).format(asOf) + "時点・集計中項目あり" : null;
    }

    /** A KGI's chart, or null where there is nothing to draw. */
    public ChartPicture chart(String code) {
        return kgiCharts.get(code);
    }

    /** The legend under the charts, in the dashboard's words. */
    public String chartLegend() {
        return "実績値（実線）と目標への道筋（破線：基準値・中間目標・目標値）";
    }

    /** The goal's KGIs that have a chart, in the goal's order. */
    public List<IndicatorResult> chartedKgis(NodeReport goal) {
        return goal.kgis().stream().filter(k -> kgiCharts.containsKey(k.code())).toList();
    }

    /** The goals of the report, in order. */
    public List<NodeReport> goals() {
        return report.goals();
    }
}
