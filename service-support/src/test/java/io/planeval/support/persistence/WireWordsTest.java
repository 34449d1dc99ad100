package io.planeval.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;

class WireWordsTest {

    private final WireWords.MeasurementStatuses converter = new WireWords.MeasurementStatuses();

    @Test
    void aColumnHoldsTheWireWord() {
        assertThat(converter.convertToDatabaseColumn(MeasurementStatus.BEING_TALLIED)).isEqualTo("being_tallied");
        assertThat(converter.convertToEntityAttribute("being_tallied")).isEqualTo(MeasurementStatus.BEING_TALLIED);
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void anotherWordInAColumnIsABrokenDatabaseNotAValue() {
        assertThatThrownBy(() -> converter.convertToEntityAttribute("BEING_TALLIED")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'BEING_TALLIED' is not one of preliminary, final, being_tallied");
    }
}
