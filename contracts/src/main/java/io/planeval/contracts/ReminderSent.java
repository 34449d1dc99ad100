package io.planeval.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.planeval.contracts.Vocabulary.ReminderTiming;

/**
 * {@value EventTypes#REMINDER_SENT} on {@value Topics#EVALUATIONS}, keyed by plan code: an organisation still owing
 * figures of a fiscal year was reminded at a step of the reporting season, once between all instances. Schema:
 * {@code schemas/reminder-sent.v1.json}.
 */
public record ReminderSent(
    String planCode,
    int fiscalYear,
    String organisation,
    ReminderTiming timing,
    /** Working days before or after the due date (0: on it) */
    int workingDays,
    LocalDate dueDate,
    /** The indicators the reminder listed as owed */
    List<String> indicatorCodes,
    Instant sentAt) implements Event {
    public ReminderSent {
        Required.present("planCode", planCode, "organisation", organisation, "timing", timing, "dueDate", dueDate,
            "indicatorCodes", indicatorCodes, "sentAt", sentAt);
        indicatorCodes = List.copyOf(indicatorCodes);
    }

    @Override
    public String topic() {
        return Topics.EVALUATIONS;
    }

    @Override
    public String type() {
        return EventTypes.REMINDER_SENT;
    }

    @Override
    public String key() {
        return planCode;
    }
}
