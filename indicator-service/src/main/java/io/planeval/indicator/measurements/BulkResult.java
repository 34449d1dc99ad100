package io.planeval.indicator.measurements;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk post stored: every row, as it was stored, in the order posted. */
@Schema(name = "BulkResult")
public record BulkResult(int count, @Schema(implementation = String.class, format = "date-time") Instant recordedAt, List<MeasurementView> measurements) {

    static BulkResult of(List<MeasurementView> stored) {
        return new BulkResult(stored.size(), stored.isEmpty() ? null : stored.get(0).recordedAt(), stored);
    }
}
