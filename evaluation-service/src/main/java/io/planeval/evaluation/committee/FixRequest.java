package io.planeval.evaluation.committee;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a committee report is fixed from. */
@Schema(name = "FixReportRequest")
public record FixRequest(
    @Schema(required = true, example = "第39回 行財政改革評価・推進委員会") String name,
    @Schema(description = "Gregorian fiscal year; default: the plan's last", example = "2024") Integer fiscalYear,
    @Schema(description = "An instant or a date (the end of that day, Japan time), not in the future; default: now",
        example = "2025-07-17") String asOf,
    @Schema(description = "Fix the report although not-achieved indicators have no causes written (where the plan requires "
        + "them); the report records it with the reason", example = "false") Boolean acceptMissingNarratives,
    @Schema(description = "Why the report is fixed without every miss explained: required with acceptMissingNarratives",
        example = "R6の一部指標は集計中のため、次回委員会で要因分析を報告する") String reason) {
}
