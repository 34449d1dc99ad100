package io.planeval.contracts;

import java.util.List;

/** Kafka topics that carry planeval events. */
public final class Topics {

    /** Whole plan documents after each change; compacted, keyed by plan code. */
    public static final String PLANS = "planeval.plans";

    /** Whole indicator definitions after each change; compacted, keyed by {@code planCode/indicatorCode}. */
    public static final String INDICATORS = "planeval.indicators";

    /** Every stored measurement revision and every review decision; keyed by plan code so one plan's stay in order. */
    public static final String MEASUREMENTS = "planeval.measurements";

    /** Indicators whose status changed, as evaluation-service computed it; keyed by plan code. */
    public static final String EVALUATIONS = "planeval.evaluations";

    /** Every planeval topic: each service's outbox relay creates those missing, with the settings below. */
    public static final List<String> ALL = List.of(PLANS, INDICATORS, MEASUREMENTS, EVALUATIONS);

    /**
     * Whole-document topics keep only the newest record per key; the others keep every record forever, since read
     * models are rebuilt from the beginning.
     */
    public static boolean compacted(String topic) {
        return PLANS.equals(topic) || INDICATORS.equals(topic);
    }

    /** The key of an indicator on {@link #INDICATORS}. */
    public static String indicatorKey(String planCode, String indicatorCode) {
        return planCode + "/" + indicatorCode;
    }

    private Topics() {
    }
}
