package io.planeval.evaluation.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.ChangeKind;

/** One change in a plan's audit trail: what changed, when, and who made it. */
@Schema(name = "AuditEntry")
public record AuditEntry(
    @Schema(implementation = String.class, format = "date-time", description = "When the change committed") Instant at,
    ChangeKind kind,
    @Schema(description = "The plan's code, or the indicator's", example = "KGI3") String code,
    @Schema(description = "The measurement's fiscal year", example = "2024") Integer fiscalYear,
    @Schema(description = "The plan's or indicator's version, or the measurement's revision", example = "2") long number,
    @Schema(description = "Who made it, as the bearer token said") Actor by,
    @Schema(description = "For a measurement revision that corrects a figure already reported: why") String correctionReason) {
}
