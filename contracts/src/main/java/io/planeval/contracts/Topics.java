package io.planeval.contracts;

/** Kafka topics that carry planeval events. */
public final class Topics {

    /** Whole plan documents after each change; compacted, keyed by plan code. */
    public static final String PLANS = "planeval.plans";

    private Topics() {
    }
}
