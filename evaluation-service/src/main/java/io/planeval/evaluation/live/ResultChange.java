package io.planeval.evaluation.live;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.evaluation.report.Rate;

/** An indicator's result that changed, as the evaluation stream sends it (event {@code evaluation}). */
@Schema(name = "ResultChange")
public record ResultChange(
    String planCode,
    String indicatorCode,
    IndicatorKind kind,
    String nodeCode,
    int fiscalYear,
    @Schema(example = "令和6年度") String fiscalYearLabel,
    EvaluationStatus status,
    @Schema(example = "達成") String statusLabel,
    Rate attainment,
    @Schema(implementation = String.class, format = "date-time") Instant changedAt) {
}
