package io.planeval.support.write;

import io.planeval.support.problem.ProblemException;

/**
 * The one create-or-replace algorithm of the services' versioned documents (plans, indicators): If-Match, when sent,
 * names the version the client read; a document equal to the stored one changes nothing and publishes nothing.
 */
public final class VersionedWrites {

    private VersionedWrites() {
    }

    /** What a create-or-replace did: the document as stored now, whether it was created, whether anything changed. */
    public record Stored<T>(T document, boolean created, boolean changed) {

        public static <T> Stored<T> created(T document) {
            return new Stored<>(document, true, true);
        }

        public static <T> Stored<T> replaced(T document) {
            return new Stored<>(document, false, true);
        }

        public static <T> Stored<T> unchanged(T document) {
            return new Stored<>(document, false, false);
        }
    }

    /**
     * Refuses the write (412) when If-Match was sent and does not name the stored version; {@code storedVersion} is
     * null when there is nothing stored yet, which no If-Match can name.
     */
    public static void checkIfMatch(String document, Long storedVersion, Long expectedVersion) {
        if (expectedVersion == null) {
            return;
        }
        if (storedVersion == null) {
            throw ProblemException.preconditionFailed(document + " does not exist, so If-Match cannot match");
        }
        if (expectedVersion.longValue() != storedVersion.longValue()) {
            throw ProblemException.preconditionFailed(document + " is at version " + storedVersion + ", not " + expectedVersion
                + ": read it again and reapply your change");
        }
    }
}
