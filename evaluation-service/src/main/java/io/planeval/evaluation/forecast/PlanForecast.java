package io.planeval.evaluation.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.ForecastVerdict;
import io.planeval.contracts.Vocabulary.IndicatorKind;

/** Whether each numeric indicator of a plan will reach its final target, and the verdicts per goal. */
@Schema(name = "PlanForecast")
public record PlanForecast(
    String planCode,
    long planVersion,
    @Schema(implementation = String.class, format = "date-time", nullable = true, description = "The moment asked about; null: everything recorded so far") Instant asOf,
    String method,
    VerdictCounts totals,
    @Schema(description = "Per level-1 node (goal), over its subtree") List<NodeForecast> goals,
    @Schema(description = "Every node of the plan, over its subtree, in the plan's order") List<NodeForecast> nodes,
    @Schema(description = "Every indicator, in code order") List<IndicatorForecast> indicators) {

    static final String METHOD = "A least-squares line through the baseline and the yearly whole-year actuals since (figures being "
        + "tallied left out; at least two points), read at the final target's year, in exact decimals to 6 places. on_track: the "
        + "projection meets the target; at_risk: it misses, but the latest actual is on or ahead of the required path (straight "
        + "from the baseline through each milestone to the target) for its year; off_track: it misses and the latest actual is "
        + "behind the path; insufficient_data: qualitative, no numeric final target, or fewer than two points.";

    @Schema(name = "ForecastVerdictCounts")
    public record VerdictCounts(int onTrack, int atRisk, int offTrack, int insufficientData, int total) {
    }

    @Schema(name = "NodeForecast")
    public record NodeForecast(String code, String label, String title, int level,
                               @Schema(description = "null for a goal") String parent, VerdictCounts verdicts) {
    }

    @Schema(name = "ForecastPoint")
    public record Point(int fiscalYear, String fiscalYearLabel, BigDecimal value) {
    }

    @Schema(name = "IndicatorForecast")
    public record IndicatorForecast(
        String code,
        String name,
        IndicatorKind kind,
        String nodeCode,
        String unit,
        ForecastVerdict verdict,
        @Schema(example = "順調") String verdictLabel,
        Integer targetFiscalYear,
        BigDecimal target,
        @Schema(description = "The line's value at the target's year") BigDecimal projected,
        BigDecimal slopePerYear,
        @Schema(description = "The points the line is drawn through: the baseline, then the actuals") List<Point> points,
        @Schema(description = "Baseline → milestones → target") List<Point> requiredPath,
        @Schema(description = "The required path's value for the latest actual's year") BigDecimal requiredAtLatest,
        @Schema(example = "least squares through 4 points, 2019–2022: 16.5 a year; 2024 → 186.5 against the target 200") String formula,
        @Schema(description = "Why the verdict, where it is not on_track") String reason) {
    }
}
