package io.planeval.evaluation.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.planeval.support.decimal.Decimals;
import io.planeval.contracts.Vocabulary;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.PlanNode;
import io.planeval.support.fiscal.FiscalYears;

/**
 * The committee's table as CSV that Excel opens as it is: UTF-8 with a byte-order mark, CRLF, one value per cell,
 * numbers as plain numbers (units in their own column), fiscal years as 2024 with a 令和 label beside them. An
 * indicator whose node the plan no longer has is left out, as it is from the report.
 */
public final class CommitteeCsv {

    static final String HEADER = "goalCode,goalLabel,goalTitle,kind,indicatorCode,indicatorName,unit,fiscalYear,"
        + "fiscalYearLabel,baseline,baselineFiscalYear,target,targetText,actual,outcome,status,statusLabel,attainmentPercent,"
        + "attainmentDisplay,revision,recordedAt";

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
            .sorted(Comparator.comparing((Evaluation e) -> order.getOrDefault(goal(e.indicator().nodeCode(), byCode), Integer.MAX_VALUE))
                .thenComparing(e -> e.indicator().isKgi() ? 0 : 1)
                .thenComparing(e -> e.indicator().code()))
            .toList();
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (Evaluation e : rows) {
            PlanNode goal = byCode.get(goal(e.indicator().nodeCode(), byCode));
            Evaluation.Working w = e.working();
            csv.append(String.join(",",
                cell(goal == null ? null : goal.code()), cell(goal == null ? null : goal.label()), cell(goal == null ? null : goal.title()),
                cell(e.indicator().kind().name()), cell(e.indicator().code()), cell(e.indicator().name()), cell(e.indicator().unit()),
                Integer.toString(e.fiscalYear()), cell(FiscalYears.label(e.fiscalYear())),
                number(w.baselineValue()), w.baselineFiscalYear() == null ? "" : w.baselineFiscalYear().toString(),
                number(w.target() == null ? null : w.target().value()), cell(w.target() == null ? null : w.target().text()),
                number(w.actual() == null ? null : w.actual().value()), cell(w.actual() == null ? null : Objects.toString(w.actual().outcome(), null)),
                Vocabulary.wire(e.status()), cell(e.status().label()),
                e.attainment() == null ? "" : e.attainment().setScale(4, RoundingMode.HALF_UP).toPlainString(),
                cell(e.attainment() == null ? null : Rate.oneDecimal(e.attainment()).display()),
                w.actual() == null ? "" : Integer.toString(w.actual().revision()),
                w.actual() == null ? "" : w.actual().recordedAt().toString()));
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /** The level-1 ancestor of a node. */
    public static String goal(String nodeCode, Map<String, PlanNode> byCode) {
        PlanNode at = byCode.get(nodeCode);
        while (at != null && at.parent() != null) {
            at = byCode.get(at.parent());
        }
        return at == null ? null : at.code();
    }

    /** A number as a plain decimal, no exponent and no trailing zeros; empty for none. */
    public static String number(BigDecimal value) {
        return value == null ? "" : Decimals.plain(value);
    }

    /**
     * A text cell, RFC 4180: quoted when it holds a comma, quote or line break. One that a spreadsheet would run as a
     * formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe and quoted, as the
     * OWASP guidance on CSV injection says. Numbers are written by {@link #number} and never changed.
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        String text = formula ? "'" + value : value;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
