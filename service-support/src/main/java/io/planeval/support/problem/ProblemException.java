package io.planeval.support.problem;

import java.util.List;

/** A refusal that the service means: it becomes an {@code application/problem+json} response as it is. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Sent as {@code Retry-After}: the same request may succeed after this many seconds. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(new Problem("about:blank", "Invalid request", 400,
            violations.size() == 1 ? violations.get(0).toString() : violations.size() + " violations", List.copyOf(violations)));
    }

    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new Violation(field, reason)));
    }

    /** The caller may do this kind of thing, but not to these: every one is named. */
    public static ProblemException forbidden(List<Violation> violations) {
        return new ProblemException(new Problem("about:blank", "Forbidden", 403,
            violations.size() == 1 ? violations.get(0).toString() : violations.size() + " violations", List.copyOf(violations)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    /** The request conflicts with the state of these things, each named with what is missing or wrong. */
    public static ProblemException conflict(String detail, List<Violation> violations) {
        return new ProblemException(new Problem("about:blank", "Conflict", 409, detail, List.copyOf(violations)));
    }

    /** A conflict that passes by itself (another service has not caught up yet): the client should retry. */
    public static ProblemException conflictRetryLater(String detail, int seconds) {
        return new ProblemException(Problem.of(409, "Conflict", detail), seconds);
    }

    /** The caller made more requests than it may for now: it should retry after the pause. */
    public static ProblemException tooManyRequests(String detail, int seconds) {
        return new ProblemException(Problem.of(429, "Too Many Requests", detail), seconds);
    }

    /** The service is busy with as much of this work as it takes at once: the client should retry after the pause. */
    public static ProblemException unavailable(String detail, int seconds) {
        return new ProblemException(Problem.of(503, "Service unavailable", detail), seconds);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "Precondition failed", detail));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(413, "Content Too Large", detail));
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(422, "Unprocessable request", detail));
    }
}
