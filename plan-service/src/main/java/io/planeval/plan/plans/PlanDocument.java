package io.planeval.plan.plans;

import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.contracts.Vocabulary.ReviewPolicy;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;

/**
 * A whole plan: the import format of {@code PUT /api/v1/plans/{planCode}} and the export format of GET.
 * Fields marked read-only are derived and ignored on input, so an export can be imported again unchanged.
 */
@Schema(name = "PlanDocument", description = "A whole plan with its tree, flat, depth-first.")
public record PlanDocument(
    @Schema(description = "URL-safe plan code; must equal the path's planCode if given", example = "gunma-2025-29")
    String code,
    @Schema(required = true, example = "群馬県行財政改革大綱(2025-29)")
    String title,
    String description,
    @Schema(required = true, description = "First fiscal year (April-March), Gregorian", example = "2025")
    Integer firstFiscalYear,
    @Schema(readOnly = true, example = "令和7年度")
    String firstFiscalYearLabel,
    @Schema(required = true, example = "2029")
    Integer lastFiscalYear,
    @Schema(readOnly = true, example = "令和11年度")
    String lastFiscalYearLabel,
    @Schema(required = true, description = "Level names from the top; a node's level is a 1-based index into it",
        example = "[\"目標\", \"方針\", \"実施項目\", \"事業\"]")
    List<String> levels,
    @Schema(example = "職員一人ひとりが始動人となり、攻めの群馬県政を実現する")
    String vision,
    @Schema(description = "draft (default), active or closed", example = "active")
    PlanStatus status,
    @Schema(description = "Whether the plan's evaluation is open data, readable without a token (default false)", example = "true")
    Boolean openData,
    @Schema(description = "none (default): reported figures count at once; required: each new revision counts once a reviewer "
        + "(the owning organisation's indicator steward, or a plan admin) approves it", example = "none")
    ReviewPolicy review,
    @Schema(description = "Whether a committee report is fixed only when every not-achieved indicator of its year has causes "
        + "written (default true); a report may still be fixed without, saying why", example = "true")
    Boolean causesRequired,
    @Schema(readOnly = true, description = "Increases with every committed change; also the ETag", example = "1")
    Long version,
    @Schema(readOnly = true, description = "When the last change committed")
    Instant changedAt,
    @Schema(readOnly = true, description = "Who made the last change")
    Actor changedBy,
    @Schema(description = "Every node of the tree; on input in any order")
    List<NodeDocument> nodes) {

    /** The same plan without the read-only fields, as a user would write it: what decides "changed or not". */
    PlanDocument content() {
        return new PlanDocument(code, title, description, firstFiscalYear, null, lastFiscalYear, null, levels, vision,
            status, openData, review, causesRequired, null, null, null, nodes == null ? null : nodes.stream().map(NodeDocument::content).toList());
    }
}
