package io.planeval.contracts;

/** CloudEvents {@code type} values; the suffix is the payload's schema version. */
public final class EventTypes {

    public static final String PLAN_CHANGED = "planeval.plan.changed.v1";
    public static final String INDICATOR_CHANGED = "planeval.indicator.changed.v1";
    public static final String MEASUREMENT_UPDATED = "planeval.measurement.updated.v1";
    public static final String EVALUATION_CHANGED = "planeval.evaluation.changed.v1";

    private EventTypes() {
    }
}
