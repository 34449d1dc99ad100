package io.planeval.support.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, the body of every refusal ({@code application/problem+json}). */
@Schema(name = "Problem", description = "RFC 9457 problem details; validation refusals list every violation.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    static final int MAX_DETAIL = 1000;

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The detail is cut to a bounded length, so that no refusal repeats a large input. */
    public Problem {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "…";
        }
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }
}
