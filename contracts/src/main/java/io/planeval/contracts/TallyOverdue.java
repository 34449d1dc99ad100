package io.planeval.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@value EventTypes#TALLY_OVERDUE} on {@value Topics#EVALUATIONS}, keyed by plan code: an indicator's whole-year
 * figure is still reported as being tallied after the date it was expected, announced once per such revision (a new
 * revision with a later expected date is announced again when that date passes too). Schema:
 * {@code schemas/tally-overdue.v1.json}.
 */
public record TallyOverdue(
    String planCode,
    String indicatorCode,
    int fiscalYear,
    /** The being_tallied revision in force */
    long measurementId,
    int revision,
    LocalDate expectedDate,
    /** Days from the expected date to the day of the announcement (Japan time) */
    int daysOverdue,
    /** The organisation that reports the indicator, where its definition names one */
    String organisation,
    String department,
    Instant announcedAt) implements Event {
    public TallyOverdue {
        Required.present("planCode", planCode, "indicatorCode", indicatorCode, "expectedDate", expectedDate, "announcedAt", announcedAt);
    }

    @Override
    public String topic() {
        return Topics.EVALUATIONS;
    }

    @Override
    public String type() {
        return EventTypes.TALLY_OVERDUE;
    }

    @Override
    public String key() {
        return planCode;
    }
}
