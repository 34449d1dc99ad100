package io.planeval.indicator.locks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What may be said when a year is locked. */
@Schema(name = "LockRequest")
public record LockRequest(@Schema(description = "Why or on whose decision", example = "第39回 行財政改革評価・推進委員会で確定") String note) {
}
