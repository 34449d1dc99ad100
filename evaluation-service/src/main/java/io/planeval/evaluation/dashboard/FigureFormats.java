package io.planeval.evaluation.dashboard;

import java.math.BigDecimal;

import io.planeval.evaluation.report.FigureText;
import io.quarkus.qute.TemplateExtension;

/** Figures in the dashboard's templates as people read them ({@code {value.withUnit(unit)}}, {@code {value.grouped}}). */
@TemplateExtension
final class FigureFormats {

    private FigureFormats() {
    }

    static String withUnit(BigDecimal value, String unit) {
        return FigureText.withUnit(value, unit);
    }

    static String grouped(BigDecimal value) {
        return FigureText.grouped(value);
    }
}
