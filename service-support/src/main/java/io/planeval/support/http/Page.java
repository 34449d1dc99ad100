package io.planeval.support.http;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: its items, and the cursor of the next page (absent on the last). Ask for the next page with
 * {@code ?cursor=<nextCursor>} and the same other parameters.
 */
public record Page<T>(
    List<T> items,
    @Schema(description = "Pass as ?cursor= to get the next page; absent on the last page") String nextCursor) {

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
