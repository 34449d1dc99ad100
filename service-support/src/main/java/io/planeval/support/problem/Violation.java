package io.planeval.support.problem;

/**
 * One reason a request was refused: the offending field (a JSON path such as {@code nodes[17].parent}) and why.
 * Both are cut to a bounded length, so that no refusal repeats a large input.
 */
public record Violation(String field, String reason) {

    static final int MAX_FIELD = 200;
    static final int MAX_REASON = 500;

    public Violation {
        field = cut(field, MAX_FIELD);
        reason = cut(reason, MAX_REASON);
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
