package io.planeval.evaluation.narrative;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.planeval.contracts.Actor;

/**
 * Why an indicator stands where it does for a fiscal year (causes, 要因分析) and what is done about it (actions,
 * 改善策): the body of {@code PUT …/narratives/{fiscalYear}} (the read-only fields are ignored there) and the answer of GET.
 */
@Schema(name = "IndicatorNarrative", description = "An indicator's causes and actions for a fiscal year")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorNarrative(
    @Schema(readOnly = true, example = "gunma-r2-r6") String planCode,
    @Schema(readOnly = true, example = "KGI4") String indicatorCode,
    @Schema(readOnly = true, example = "2024") Integer fiscalYear,
    @Schema(readOnly = true, example = "令和6年度") String fiscalYearLabel,
    @Schema(description = "Why the figure stands where it does (要因分析); at least one of causes and actions is required",
        example = "業務量の増加により、削減効果が相殺された") String causes,
    @Schema(description = "What is done about it (改善策)", example = "RPAの対象業務を拡大する") String actions,
    @Schema(readOnly = true, description = "1 for the first text of this indicator and year, then 2, 3 …; also the ETag", example = "1")
    Integer revision,
    @Schema(readOnly = true, implementation = String.class, format = "date-time") Instant writtenAt,
    @Schema(readOnly = true, description = "Who wrote this revision, as the bearer token said") Actor writtenBy) {
}
