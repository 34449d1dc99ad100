package io.planeval.evaluation.report;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.support.http.Page;

/** What a page of indicator results looks like, for the API documents: the answer is a {@link Page}. */
@Schema(name = "IndicatorResultPage")
public record IndicatorResultPage(List<IndicatorResult> items, @Schema(description = Page.NEXT_CURSOR) String nextCursor) {
}
