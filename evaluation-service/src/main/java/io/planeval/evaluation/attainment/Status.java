package io.planeval.evaluation.attainment;

/** Where an indicator stands for a fiscal year. */
public enum Status {
    ACHIEVED("achieved", "達成"),
    NOT_ACHIEVED("not_achieved", "未達成"),
    /** No preliminary or final actual yet, or reported as being tallied: counts in no rate. */
    BEING_TALLIED("being_tallied", "集計中"),
    /** No target applies to the year: shown, counted apart, in no rate. */
    NO_TARGET("no_target", "目標なし");

    private final String wire;
    private final String label;

    Status(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** As the API writes it. */
    public String wire() {
        return wire;
    }

    /** As the committee's table prints it. */
    public String label() {
        return label;
    }
}
