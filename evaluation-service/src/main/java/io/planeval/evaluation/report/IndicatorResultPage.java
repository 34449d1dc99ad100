package io.planeval.evaluation.report;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of indicator results: pass nextCursor as ?cursor= with the same other parameters for the next. */
@Schema(name = "IndicatorResultPage")
public record IndicatorResultPage(
    List<IndicatorResult> items,
    @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page") String nextCursor) {
}
