package io.planeval.contracts;

import java.time.Instant;

/**
 * {@value EventTypes#REPORT_FIXED} on {@value Topics#EVALUATIONS}, keyed by plan code: the committee fixed its report of
 * a fiscal year under a name; the report is kept byte for byte with this hash. Schema: {@code schemas/report-fixed.v1.json}.
 */
public record ReportFixed(
    String planCode,
    long reportId,
    String name,
    int fiscalYear,
    /** The moment the figures are as of */
    Instant asOf,
    Instant fixedAt,
    Actor fixedBy,
    /** The SHA-256 of the report's JSON as fixed ({@code sha-256:<hex>}) */
    String contentHash) implements Event {
    public ReportFixed {
        Required.present("planCode", planCode, "name", name, "asOf", asOf, "fixedAt", fixedAt, "contentHash", contentHash);
    }

    @Override
    public String topic() {
        return Topics.EVALUATIONS;
    }

    @Override
    public String type() {
        return EventTypes.REPORT_FIXED;
    }

    @Override
    public String key() {
        return planCode;
    }
}
