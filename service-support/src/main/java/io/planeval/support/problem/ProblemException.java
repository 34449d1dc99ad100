package io.planeval.support.problem;

import java.util.List;

/** A refusal that the service means: it becomes an {@code application/problem+json} response as it is. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(new Problem("about:blank", "Invalid request", 400,
            violations.size() == 1 ? violations.get(0).toString() : violations.size() + " violations", List.copyOf(violations)));
    }

    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new Violation(field, reason)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "Precondition failed", detail));
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(422, "Unprocessable request", detail));
    }
}
