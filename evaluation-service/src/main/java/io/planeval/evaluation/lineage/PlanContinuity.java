package io.planeval.evaluation.lineage;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which indicators of the earlier plans a plan continues, changes or ends, and which it adds. */
@Schema(name = "PlanContinuity")
public record PlanContinuity(
    String planCode,
    @Schema(description = "The plans its indicators' predecessors belong to") List<String> predecessorPlans,
    @Schema(description = "Successors defined like their predecessors (kind, unit, direction and method)") List<Link> continued,
    @Schema(description = "Successors defined otherwise; differences names what") List<Link> changed,
    @Schema(description = "Indicators of the predecessor plans that no indicator of this plan continues") List<Ref> ended,
    @Schema(description = "Indicators of this plan without a predecessor") List<Ref> added) {

    @Schema(name = "IndicatorRef")
    public record Ref(String planCode, String indicatorCode, String name) {
    }

    @Schema(name = "ContinuityLink")
    public record Link(Ref predecessor, Ref successor, @Schema(example = "[\"unit\"]") List<String> differences) {
    }
}
