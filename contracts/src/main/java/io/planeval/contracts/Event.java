package io.planeval.contracts;

/**
 * A planeval event: each knows the topic it is published on, its CloudEvents type and its Kafka key, so that a producer
 * appends the event alone and cannot pair it with another topic or key. (The three are methods, not record
 * components, so they are not part of the payload.)
 */
public sealed interface Event permits PlanChanged, IndicatorChanged, MeasurementUpdated, MeasurementReviewed, EvaluationChanged,
    TallyOverdue, ReportFixed, ReminderSent {

    /** The topic it is published on ({@link Topics}). */
    String topic();

    /** Its CloudEvents type ({@link EventTypes}). */
    String type();

    /** Its Kafka key: what must stay in order (a plan, or one indicator on a compacted topic). */
    String key();
}
