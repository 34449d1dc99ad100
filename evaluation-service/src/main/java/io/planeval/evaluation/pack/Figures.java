package io.planeval.evaluation.pack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.evaluation.chart.ChartPicture;
import io.planeval.evaluation.report.FigureText;
import io.planeval.evaluation.report.IndicatorResult;
import io.quarkus.qute.TemplateExtension;

/** Figures as the committee's pack prints them, in every format ({@code fig:} in the PDF's template). */
@TemplateExtension(namespace = "fig")
public final class Figures {

    /** How wide a KGI's chart prints in the PDF: two side by side across an A4 landscape page. */
    static final double PDF_CHART_MM = 120;

    private Figures() {
    }

    /** A figure as printed: the number without trailing zeros and its unit, or the qualitative text. */
    static String figure(BigDecimal value, String text, String unit) {
        if (value != null) {
            return FigureText.withUnit(value, unit);
        }
        return text == null ? "" : text;
    }

    /** An indicator's target, as printed. */
    static String target(IndicatorResult r) {
        return r.working().target() == null ? "" : figure(r.working().target().value(), r.working().target().text(), r.unit());
    }

    /** An indicator's actual, as printed (集計中 where it is being tallied). */
    static String actual(IndicatorResult r) {
        if (r.status() == EvaluationStatus.BEING_TALLIED) {
            return EvaluationStatus.BEING_TALLIED.label();
        }
        var a = r.working().actual();
        return a == null ? "" : figure(a.value(), a.outcome() == null ? null : a.outcome() == Outcome.ACHIEVED
            ? "達成" : "未達成", r.unit());
    }

    /** An indicator's attainment, as printed. */
    static String attainment(IndicatorResult r) {
        return r.attainment() == null ? (r.status() == EvaluationStatus.BEING_TALLIED ? "集計中" : "–") : r.attainment().display();
    }

    /** The chart's picture, inline (the PDF is written from one document, without fetching anything). */
    static String dataUri(ChartPicture picture) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(picture.png());
    }

    /** A length in the chart's units as millimetres of the PDF's chart. */
    static String mm(ChartPicture picture, double units) {
        return BigDecimal.valueOf(units * PDF_CHART_MM / picture.width()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The PDF chart's height in millimetres. */
    static String chartHeight(ChartPicture picture) {
        return mm(picture, picture.height());
    }

    /** The size of the chart's labels in millimetres. */
    static String labelSize(ChartPicture picture) {
        return mm(picture, ChartPicture.LABEL_SIZE);
    }

    /** The height of a chart label's box in millimetres. */
    static String labelHeight(ChartPicture picture) {
        return mm(picture, ChartPicture.LABEL_HEIGHT);
    }
}
