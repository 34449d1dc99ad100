package io.planeval.indicator.measurements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;

/**
 * One measurement as a county system posts it. In a bulk request each row names its plan and indicator; posted
 * to an indicator's own URL, those two may be left out.
 */
@Schema(name = "MeasurementInput")
public record MeasurementInput(
    @Schema(description = "Bulk rows only", example = "gunma-r2-r6") String planCode,
    @Schema(description = "Bulk rows only", example = "KGI3") String indicatorCode,
    @Schema(required = true, description = "Fiscal year (April-March), Gregorian: 2024 = 令和6年度", example = "2024") Integer fiscalYear,
    @Schema(description = "1-4 for a quarter of the fiscal year; leave out for the whole year") Integer quarter,
    @Schema(description = "Calendar month 1-12 within the fiscal year; leave out for the whole year") Integer month,
    @Schema(description = "Exact decimal (up to 14 digits before the point, 6 after); numeric indicators only",
        example = "75608") BigDecimal value,
    @Schema(description = "Qualitative indicators only") Outcome outcome,
    @Schema(required = true) MeasurementStatus status,
    @Schema(implementation = String.class, format = "date", description = "When a being-tallied figure is expected") LocalDate expectedDate,
    @Schema(implementation = String.class, format = "date", description = "The date the value describes, e.g. the end of the fiscal year", example = "2025-03-31") LocalDate describesDate,
    @Schema(example = "行政改革課") String sourceSystem,
    String note,
    @Schema(description = "Marks the measurement as a correction of a figure already reported, and says why: required "
        + "for a fiscal year the plan has locked", example = "集計誤りの訂正（第39回委員会後）") String correctionReason,
    @Schema(description = "For a broken-down indicator: the member of each dimension the figure is for (dimension code → "
        + "member code, e.g. a municipality's 全国地方公共団体コード); leave out for the indicator's own figure",
        example = "{\"municipality\": \"102016\"}") Map<String, String> members) {
}
