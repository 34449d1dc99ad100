package io.planeval.support.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants at the precision PostgreSQL keeps (microseconds). Every server timestamp is made here, so that what a
 * response says, what is stored and what is published are the same instant; and a moment asked about is cut to
 * the same precision, never rounded up past what it names.
 */
public final class Moments {

    private Moments() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
