package io.planeval.evaluation.committee;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.support.http.Page;

/** What a page of fixed reports looks like, for the API documents: the answer is a {@link Page}. */
@Schema(name = "FixedReportPage")
public record FixedReportPage(List<FixedReport> items, @Schema(description = Page.NEXT_CURSOR) String nextCursor) {
}
