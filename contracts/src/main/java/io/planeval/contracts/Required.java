package io.planeval.contracts;

/**
 * What an event's schema requires, checked where a payload becomes a record: a producer cannot build an event without
 * it, and a consumer reading one without it fails there (Jackson reports the message), so such an event is poison.
 */
final class Required {

    private Required() {
    }

    /** Refuses a missing value, naming it. */
    static void present(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
