package io.planeval.contracts;

/**
 * What an event's schema requires, checked where a payload becomes a record: a producer cannot build an event without
 * it, and a consumer reading one without it fails there (Jackson reports the message), so such an event is poison.
 */
final class Required {

    private Required() {
    }

    /** Refuses a missing value, naming it: the arguments are names and values, in turn. */
    static void present(Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new IllegalArgumentException(namesAndValues[i] + " is required");
            }
        }
    }
}
