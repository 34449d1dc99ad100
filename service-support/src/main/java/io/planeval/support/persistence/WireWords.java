package io.planeval.support.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.planeval.contracts.Vocabulary;

/**
 * The vocabulary's words in text columns, as they are on the wire ({@code being_tallied}), so that SQL, the events
 * and the APIs read the same word. One converter per enum, applied to every attribute of its type.
 */
public final class WireWords {

    private WireWords() {
    }

    /** Writes {@link Vocabulary#wire}; a column holding another word is a broken database, not a bad request. */
    abstract static class WireWordConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        WireWordConverter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : Vocabulary.wire(value);
        }

        @Override
        public E convertToEntityAttribute(String word) {
            return word == null ? null : Vocabulary.of(type, word);
        }
    }

    @Converter(autoApply = true)
    public static class IndicatorKinds extends WireWordConverter<Vocabulary.IndicatorKind> {
        public IndicatorKinds() {
            super(Vocabulary.IndicatorKind.class);
        }
    }

    @Converter(autoApply = true)
    public static class Directions extends WireWordConverter<Vocabulary.Direction> {
        public Directions() {
            super(Vocabulary.Direction.class);
        }
    }

    @Converter(autoApply = true)
    public static class Methods extends WireWordConverter<Vocabulary.Method> {
        public Methods() {
            super(Vocabulary.Method.class);
        }
    }

    @Converter(autoApply = true)
    public static class MeasurementStatuses extends WireWordConverter<Vocabulary.MeasurementStatus> {
        public MeasurementStatuses() {
            super(Vocabulary.MeasurementStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static class Outcomes extends WireWordConverter<Vocabulary.Outcome> {
        public Outcomes() {
            super(Vocabulary.Outcome.class);
        }
    }

    @Converter(autoApply = true)
    public static class PlanStatuses extends WireWordConverter<Vocabulary.PlanStatus> {
        public PlanStatuses() {
            super(Vocabulary.PlanStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static class ReviewPolicies extends WireWordConverter<Vocabulary.ReviewPolicy> {
        public ReviewPolicies() {
            super(Vocabulary.ReviewPolicy.class);
        }
    }

    @Converter(autoApply = true)
    public static class ReviewStates extends WireWordConverter<Vocabulary.ReviewState> {
        public ReviewStates() {
            super(Vocabulary.ReviewState.class);
        }
    }
}
