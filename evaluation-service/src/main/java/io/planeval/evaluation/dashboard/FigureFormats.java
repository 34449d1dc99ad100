package io.planeval.evaluation.dashboard;

import java.math.BigDecimal;

import io.planeval.evaluation.report.FigureText;
import io.quarkus.qute.TemplateExtension;

/** Figures and years in the dashboard's templates as people read them ({@code {value.withUnit(unit)}}, {@code {value.grouped}}). */
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

    /** A fiscal year in the page's language ({@code {t.fiscalYear.fiscalYearLabel(chrome.lang)}}): 令和6年度, FY2024. */
    static String fiscalYearLabel(int fiscalYear, String lang) {
        return Views.Ask.of(lang, null, null).year(fiscalYear);
    }
}
