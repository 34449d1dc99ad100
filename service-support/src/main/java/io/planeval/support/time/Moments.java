package io.planeval.support.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Instants at the precision PostgreSQL keeps (microseconds). Every server timestamp is made here, so that what a
 * response says, what is stored and what is published are the same instant; and a moment asked about is cut to
 * the same precision, never rounded up past what it names.
 */
public final class Moments {

    /** Later than any moment recorded, as PostgreSQL stores it: asked as of this, the answer is everything recorded so far. */
    public static final Instant EVERYTHING_RECORDED = Instant.parse("9999-12-31T00:00:00Z");

    /** Where the plans' dates are: a date asked about ends at midnight Japan time. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private Moments() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A timestamp column as JDBC or Hibernate return it (Instant, OffsetDateTime or Timestamp), as an instant. */
    public static Instant of(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) column).toInstant();
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
