package io.planeval.support.security;

/**
 * Who may do what, as realm roles in the bearer token ({@code realm_access.roles}). An operations client holds
 * every role; a reporter posts only for its own organisation's indicators. The scrape client's role {@code metrics}
 * reads the metrics and nothing else ({@link MetricsAccess}).
 */
public final class Roles {

    /** Creates, replaces and edits plans. */
    public static final String PLAN_ADMIN = "plan-admin";
    /** Defines and changes indicators. */
    public static final String INDICATOR_STEWARD = "indicator-steward";
    /** Posts measurements for the indicators of the organisation in its token. */
    public static final String REPORTER = "reporter";
    /** Reads plans, indicators and evaluations (a public plan's evaluation needs no token at all). */
    public static final String READER = "reader";
    /** Rebuilds, reads metrics, and posts for any organisation. */
    public static final String OPS = "ops";
    /** Reads the metrics (/q/metrics), and nothing else: the scrape client's. */
    public static final String METRICS = "metrics";

    private Roles() {
    }
}
