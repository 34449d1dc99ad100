package io.planeval.contracts;

/** CloudEvents {@code type} values; the suffix is the payload's schema version. */
public final class EventTypes {

    public static final String PLAN_CHANGED = "planeval.plan.changed.v1";
    public static final String INDICATOR_CHANGED = "planeval.indicator.changed.v1";
    public static final String MEASUREMENT_UPDATED = "planeval.measurement.updated.v1";
    public static final String MEASUREMENT_REVIEWED = "planeval.measurement.reviewed.v1";
    public static final String EVALUATION_CHANGED = "planeval.evaluation.changed.v1";
    public static final String TALLY_OVERDUE = "planeval.tally.overdue.v1";
    public static final String REPORT_FIXED = "planeval.report.fixed.v1";
    public static final String REMINDER_SENT = "planeval.reminder.sent.v1";

    /** Where the schemas are published: each one's {@code $id} is this plus its file name. */
    public static final String SCHEMA_BASE = "https://planeval.io/schemas/";

    private EventTypes() {
    }

    /**
     * The file of a type's JSON Schema in {@code schemas/} (and of its golden sample in {@code samples/}):
     * planeval.plan.changed.v1 → plan-changed.v1.json.
     */
    public static String schemaFile(String type) {
        String[] parts = type.split("\\.");
        if (parts.length != 4 || !parts[0].equals("planeval")) {
            throw new IllegalArgumentException("Not a planeval event type: " + type);
        }
        return parts[1] + "-" + parts[2] + "." + parts[3] + ".json";
    }

    /** The CloudEvents {@code dataschema} of a type: its schema's {@code $id}. */
    public static String dataSchema(String type) {
        return SCHEMA_BASE + schemaFile(type);
    }
}
