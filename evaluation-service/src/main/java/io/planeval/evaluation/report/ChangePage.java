package io.planeval.evaluation.report;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.support.http.Page;

/** What a page of changes looks like, for the API documents: the answer is a {@link Page}. */
@Schema(name = "ChangePage")
public record ChangePage(List<Change> items, @Schema(description = Page.NEXT_CURSOR) String nextCursor) {
}
