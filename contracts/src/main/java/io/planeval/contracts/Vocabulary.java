package io.planeval.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * planeval's words for kinds, directions, methods, statuses and outcomes: one enum each, shared by the three
 * services, the REST APIs and the events, and typed as the enum wherever they are held. On the wire a value is its
 * constant's name in lower case ({@code HIGHER_IS_BETTER} ↔ {@code higher_is_better}), as the JSON Schemas in
 * {@code schemas/} list them: Jackson writes and reads it through {@code toString()}, OpenAPI derives each enumeration
 * from it, and the services' columns hold it (WireWords).
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** An indicator's kind. */
    public enum IndicatorKind {
        KGI, KPI;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** Which way is better for an indicator. */
    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER, QUALITATIVE;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** How an indicator's attainment is computed. */
    public enum Method {
        /** actual ÷ target */
        RATIO,
        /** target ÷ actual */
        INVERSE_RATIO,
        /** (actual − baseline) ÷ (target − baseline) */
        PROGRESS_FROM_BASELINE,
        /** 100% when achieved, as reported */
        QUALITATIVE;

        /** The method an indicator has when its definition names none. */
        public static Method defaultFor(Direction direction) {
            return switch (direction) {
                case HIGHER_IS_BETTER -> RATIO;
                case LOWER_IS_BETTER -> INVERSE_RATIO;
                case QUALITATIVE -> QUALITATIVE;
            };
        }

        /** A proportion of two values (ratio, inverse_ratio): it is defined for values of 0 or more only. */
        public boolean isProportion() {
            return this == RATIO || this == INVERSE_RATIO;
        }

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** Where a reported measurement stands. */
    public enum MeasurementStatus {
        PRELIMINARY, FINAL, BEING_TALLIED;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** A qualitative indicator's reported result. */
    public enum Outcome {
        ACHIEVED, NOT_ACHIEVED;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** Where an indicator stands for a fiscal year, and how the committee's table prints it. */
    public enum EvaluationStatus {
        ACHIEVED("達成"),
        NOT_ACHIEVED("未達成"),
        /** No preliminary or final actual yet, or reported as being tallied: counts in no rate. */
        BEING_TALLIED("集計中"),
        /** No target applies to the year: shown, counted apart, in no rate. */
        NO_TARGET("目標なし");

        private final String label;

        EvaluationStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /**
     * Whether an indicator's final target will be reached, judged from the trend of its yearly actuals: the projection
     * meets the target (on track); it misses, though the latest actual is on the required path (at risk); it misses and
     * the latest actual is behind the path (off track); or there are not two figures to draw a line through.
     */
    public enum ForecastVerdict {
        ON_TRACK("順調"),
        AT_RISK("要注意"),
        OFF_TRACK("遅れ"),
        INSUFFICIENT_DATA("判定不能");

        private final String label;

        ForecastVerdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** A plan's stage. */
    public enum PlanStatus {
        DRAFT, ACTIVE, CLOSED;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /**
     * What an entry of an audit trail records: a change of the plan, of an indicator's definition, a measurement
     * revision, a review of one, or a revision of a node's or an indicator's narrative.
     */
    public enum ChangeKind {
        PLAN, INDICATOR, MEASUREMENT, REVIEW, NODE_NARRATIVE, INDICATOR_NARRATIVE;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** Whether a plan's reported figures count at once, or only once a reviewer has approved them. */
    public enum ReviewPolicy {
        NONE, REQUIRED;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /**
     * Where a measurement revision stands in review: counted at once (approved: a plan without review, or a reviewer
     * said so), waiting for a reviewer (submitted), or sent back to be corrected by a new revision (returned).
     */
    public enum ReviewState {
        SUBMITTED, APPROVED, RETURNED;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** What a narrative is written about: a node of the plan (the committee's evaluation) or an indicator (causes and actions). */
    public enum NarrativeSubject {
        NODE, INDICATOR;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** What a file of evidence is attached to: a measurement revision, or a revision of a node's or an indicator's narrative. */
    public enum AttachedTo {
        MEASUREMENT, NODE_NARRATIVE, INDICATOR_NARRATIVE;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** When a reminder of a reporting season goes out: working days before the due date, on it, or working days after it. */
    public enum ReminderTiming {
        BEFORE, ON, AFTER;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** Where a reminder stands: claimed by an instance and being sent, sent, or failed (tried again on the next round). */
    public enum ReminderState {
        SENDING, SENT, FAILED;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** Where a webhook delivery stands: still being tried, taken by the receiver (2xx), or given up on after the retry period. */
    public enum DeliveryState {
        PENDING, DELIVERED, ABANDONED;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** The language an organisation reads planeval's messages in. */
    public enum Language {
        JA, EN;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** Whether a broken-down indicator's own figure (its whole) is reported, or derived from its members' figures. */
    public enum WholeFigure {
        /** Posted like any figure; the members' aggregate is shown beside it, and where they disagree it is flagged */
        REPORTED,
        /** Computed from the members' figures by the indicator's aggregation; it cannot be posted */
        DERIVED;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** How the members' figures of a broken-down indicator make its whole. */
    public enum Aggregation {
        SUM, MEAN,
        /** Σ(value × weight) ÷ Σweight, with each member's weight from the breakdown's settings */
        WEIGHTED_MEAN,
        /** The share, in percent, of members whose figure meets the breakdown's condition */
        SHARE,
        MINIMUM, MAXIMUM;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** What a member's figure must do to count in a share. */
    public enum ShareCondition {
        /** Meet its target (its own, or the indicator's for the year), the indicator's direction deciding */
        ACHIEVED,
        /** Be at least the breakdown's threshold */
        AT_LEAST;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** How a broken-down indicator's members are listed: by member code, figure, attainment, or status (misses first). */
    public enum MemberOrder {
        MEMBER, VALUE, ATTAINMENT, STATUS;

        /** The word on the wire, which is also how messages print it (JSON, CSV, query parameters, columns). */
        @JsonValue
        @Override
        public String toString() {
            return Vocabulary.wire(this);
        }
    }

    /** The value as written on the wire. */
    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The value a wire word names, or empty for null or a word that is not one of them. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String word) {
        if (word == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(value -> wire(value).equals(word)).findFirst();
    }

    /** The value a wire word names, where only a word of the vocabulary can be (a column, a stored document). */
    public static <E extends Enum<E>> E of(Class<E> type, String word) {
        return parse(type, word).orElseThrow(() -> new IllegalArgumentException(
            "'" + word + "' is not one of " + String.join(", ", words(type))));
    }

    /** Every wire word of the type, in declaration order. */
    public static List<String> words(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::wire).toList();
    }
}
