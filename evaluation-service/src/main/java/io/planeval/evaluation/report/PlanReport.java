package io.planeval.evaluation.report;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The committee's report of a plan for a fiscal year, as of a moment. */
@Schema(name = "PlanReport")
public record PlanReport(
    String planCode,
    String planTitle,
    long planVersion,
    int fiscalYear,
    @Schema(example = "令和6年度") String fiscalYearLabel,
    @Schema(implementation = String.class, format = "date-time", nullable = true, description = "The moment asked about; null: everything recorded so far") Instant asOf,
    String rounding,
    @Schema(description = "Every indicator of the plan") NodeReport totals,
    @Schema(description = "Per level-1 node (goal)") List<NodeReport> goals) {

    static final String ROUNDING = "Rates are exact decimals (percent, 10 places, half-even); display strings round "
        + "half-up: KPI achievement and goal KGI rates to whole percent, indicator attainment to one decimal.";
}
