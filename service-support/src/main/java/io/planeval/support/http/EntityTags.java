package io.planeval.support.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.EntityTag;

import io.planeval.support.problem.ProblemException;

/** Versions as strong entity tags ({@code "3"}), and the {@code If-Match} that optimistic locking reads back. */
public final class EntityTags {

    private static final Pattern VERSION_TAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} header expects; null when there is none or it is {@code *}. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher m = VERSION_TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw ProblemException.invalid("If-Match", "must be the ETag of a version you read, e.g. \"3\", not " + ifMatch);
        }
        return Long.parseLong(m.group(1));
    }
}
