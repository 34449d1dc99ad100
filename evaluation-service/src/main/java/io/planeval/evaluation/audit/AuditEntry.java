package io.planeval.evaluation.audit;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.ChangeKind;
import io.planeval.contracts.Vocabulary.ReviewState;

/** One change in a plan's audit trail: what changed, when, and who made it. */
@Schema(name = "AuditEntry")
public record AuditEntry(
    @Schema(implementation = String.class, format = "date-time", description = "When the change committed") Instant at,
    ChangeKind kind,
    @Schema(description = "The plan's code, the indicator's, or the node's (node_narrative)", example = "KGI3") String code,
    @Schema(description = "The fiscal year of a measurement, a review or a narrative", example = "2024") Integer fiscalYear,
    @Schema(description = "The plan's or indicator's version, the measurement's revision (also of a review), or the narrative's revision", example = "2") long number,
    @Schema(description = "Who made it, as the bearer token said") Actor by,
    @Schema(description = "For a measurement revision that corrects a figure already reported: why") String correctionReason,
    @Schema(description = "For a review: approved or returned") ReviewState decision,
    @Schema(description = "For a review: the reviewer's reason") String reason,
    @Schema(description = "For a member's measurement or review, the member of each dimension (dimension code → member code); "
        + "empty otherwise") Map<String, String> members) {
}
