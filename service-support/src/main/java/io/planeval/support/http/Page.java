package io.planeval.support.http;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list: its items, and the cursor of the next page (absent on the last). Ask for the next page with
 * {@code ?cursor=<nextCursor>} and the same other parameters.
 */
public record Page<T>(
    List<T> items,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = Page.NEXT_CURSOR) String nextCursor) {

    /** How a page's nextCursor is described wherever a page is. */
    public static final String NEXT_CURSOR = "Pass as ?cursor= to get the next page; absent on the last page";

    /**
     * A page of a list computed whole (not read from an index): the items after the cursor's, {@code limit} of them.
     * {@code keyOf} gives each item a key that is unique and sorts as the list is ordered.
     */
    public static <T> Page<T> after(List<T> ordered, int limit, String cursor, Function<T, String> keyOf) {
        List<String> after = QueryParams.cursorKeys(cursor, 1);
        List<T> rest = after == null ? ordered : ordered.stream().filter(item -> keyOf.apply(item).compareTo(after.get(0)) > 0).toList();
        return of(rest.subList(0, Math.min(rest.size(), limit + 1)), limit, item -> QueryParams.cursor(keyOf.apply(item)));
    }

    /**
     * The page from up to {@code limit + 1} items read in order: the extra one only tells that more follow, and the
     * cursor points after the last item kept.
     */
    public static <T> Page<T> of(List<T> readOneMore, int limit, Function<T, String> cursorOf) {
        if (readOneMore.size() <= limit) {
            return new Page<>(readOneMore, null);
        }
        List<T> items = readOneMore.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
    }
}
