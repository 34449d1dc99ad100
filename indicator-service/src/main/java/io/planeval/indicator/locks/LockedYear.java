package io.planeval.indicator.locks;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;

/** A fiscal year a plan has closed: measurements for it are taken only as corrections. */
@Schema(name = "LockedYear")
public record LockedYear(
    String planCode,
    int fiscalYear,
    @Schema(example = "令和6年度") String fiscalYearLabel,
    @Schema(implementation = String.class, format = "date-time") Instant lockedAt,
    @Schema(description = "Who locked it, as the token said") Actor lockedBy,
    @Schema(example = "第39回 行財政改革評価・推進委員会で確定") String note) {
}
