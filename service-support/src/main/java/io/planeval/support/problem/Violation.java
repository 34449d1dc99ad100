package io.planeval.support.problem;

/** One reason a request was refused: the offending field (a JSON path such as {@code nodes[17].parent}) and why. */
public record Violation(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
