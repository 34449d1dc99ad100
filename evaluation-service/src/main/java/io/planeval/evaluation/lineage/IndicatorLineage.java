package io.planeval.evaluation.lineage;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.evaluation.report.Rate;

/** An indicator and the indicators of earlier plans it continues, with their yearly results as one series. */
@Schema(name = "IndicatorLineage")
public record IndicatorLineage(
    String planCode,
    String indicatorCode,
    @Schema(description = "Oldest plan first: each generation of the indicator") List<Generation> generations,
    @Schema(description = "Every fiscal year of every generation's plan, oldest first") List<Point> series) {

    @Schema(name = "LineageGeneration")
    public record Generation(String planCode, String planTitle, String indicatorCode, String name, String unit,
                             IndicatorKind kind, int firstFiscalYear, int lastFiscalYear) {
    }

    @Schema(name = "LineagePoint")
    public record Point(String planCode, String indicatorCode, int fiscalYear, @Schema(example = "令和6年度") String fiscalYearLabel,
                        @Schema(description = "The whole-year actual in force") BigDecimal value,
                        Outcome outcome,
                        EvaluationStatus status,
                        String statusLabel, Rate attainment) {
    }
}
