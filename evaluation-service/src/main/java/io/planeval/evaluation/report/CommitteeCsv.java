package io.planeval.evaluation.report;

import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.planeval.contracts.Vocabulary;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.PlanNode;
import io.planeval.evaluation.narrative.IndicatorNarrative;
import io.planeval.support.csv.CsvCells;
import io.planeval.support.fiscal.FiscalYears;

/**
 * The committee's table as CSV that Excel opens as it is: UTF-8 with a byte-order mark, CRLF, one value per cell,
 * numbers as plain numbers (units in their own column), fiscal years as 2024 with a 令和 label beside them, each
 * indicator's causes and actions as written by the moment asked. An
 * indicator whose node the plan no longer has is left out, as it is from the report.
 */
public final class CommitteeCsv {

    static final String HEADER = "goalCode,goalLabel,goalTitle,kind,indicatorCode,indicatorName,unit,fiscalYear,"
        + "fiscalYearLabel,baseline,baselineFiscalYear,target,targetText,actual,outcome,status,statusLabel,attainmentPercent,"
        + "attainmentDisplay,revision,recordedAt,causes,actions";

    private CommitteeCsv() {
    }

    public static String write(EvaluationQueries.Snapshot snapshot) {
        Map<String, PlanNode> byCode = new HashMap<>();
        snapshot.nodes().forEach(n -> byCode.put(n.code(), n));
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < snapshot.nodes().size(); i++) {
            order.put(snapshot.nodes().get(i).code(), i);
        }
        List<Evaluation> rows = snapshot.evaluations().stream()
            .filter(e -> byCode.containsKey(e.indicator().nodeCode()))
            .sorted(Comparator.comparing((Evaluation e) -> order.getOrDefault(PlanNode.goalCodeOf(e.indicator().nodeCode(), byCode), Integer.MAX_VALUE))
                .thenComparing(e -> e.indicator().isKgi() ? 0 : 1)
                .thenComparing(e -> e.indicator().code()))
            .toList();
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (Evaluation e : rows) {
            PlanNode goal = PlanNode.goalOf(e.indicator().nodeCode(), byCode);
            Evaluation.Working w = e.working();
            csv.append(String.join(",",
                CsvCells.text(goal == null ? null : goal.code()), CsvCells.text(goal == null ? null : goal.label()), CsvCells.text(goal == null ? null : goal.title()),
                CsvCells.text(e.indicator().kind().name()), CsvCells.text(e.indicator().code()), CsvCells.text(e.indicator().name()), CsvCells.text(e.indicator().unit()),
                Integer.toString(e.fiscalYear()), CsvCells.text(FiscalYears.label(e.fiscalYear())),
                CsvCells.number(w.baselineValue()), w.baselineFiscalYear() == null ? "" : w.baselineFiscalYear().toString(),
                CsvCells.number(w.target() == null ? null : w.target().value()), CsvCells.text(w.target() == null ? null : w.target().text()),
                CsvCells.number(w.actual() == null ? null : w.actual().value()), CsvCells.text(w.actual() == null ? null : Objects.toString(w.actual().outcome(), null)),
                Vocabulary.wire(e.status()), CsvCells.text(e.status().label()),
                e.attainment() == null ? "" : e.attainment().setScale(4, RoundingMode.HALF_UP).toPlainString(),
                CsvCells.text(e.attainment() == null ? null : Rate.oneDecimal(e.attainment()).display()),
                w.actual() == null ? "" : Integer.toString(w.actual().revision()),
                w.actual() == null ? "" : w.actual().recordedAt().toString(),
                CsvCells.text(snapshot.narratives().indicator(e.indicator().code()).map(IndicatorNarrative::causes).orElse(null)),
                CsvCells.text(snapshot.narratives().indicator(e.indicator().code()).map(IndicatorNarrative::actions).orElse(null))));
            csv.append("\r\n");
        }
        return csv.toString();
    }
}
