package io.planeval.evaluation.overdue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.support.http.Page;

/** What a page of overdue tallies looks like, for the API documents: the answer is a {@link Page}. */
@Schema(name = "OverdueTallyPage")
public record OverdueTallyPage(List<OverdueTally> items, @Schema(description = Page.NEXT_CURSOR) String nextCursor) {
}
