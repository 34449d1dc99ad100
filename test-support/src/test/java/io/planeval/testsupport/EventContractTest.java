package io.planeval.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.EventTypes;

class EventContractTest {

    static final List<String> TYPES = List.of(EventTypes.PLAN_CHANGED, EventTypes.INDICATOR_CHANGED,
        EventTypes.MEASUREMENT_UPDATED, EventTypes.EVALUATION_CHANGED);

    @Test
    void everyGoldenSampleMatchesItsSchema() {
        for (String type : TYPES) {
            assertThat(EventContract.violations(type, EventContract.sample(type))).as(type).isEmpty();
        }
    }

    @Test
    void whatDoesNotMatchIsFound() {
        String measurement = EventContract.sample(EventTypes.MEASUREMENT_UPDATED);
        assertThat(EventContract.violations(EventTypes.MEASUREMENT_UPDATED, measurement.replace("\"status\":\"final\"", "\"status\":\"done\"")))
            .isNotEmpty();
        assertThat(EventContract.violations(EventTypes.MEASUREMENT_UPDATED, measurement.replace("\"planCode\"", "\"plan\"")))
            .isNotEmpty();
        assertThat(EventContract.violations(EventTypes.PLAN_CHANGED, "{}")).isNotEmpty();
    }

    @Test
    void aTypeNamesItsSchema() {
        assertThat(EventTypes.schemaFile(EventTypes.PLAN_CHANGED)).isEqualTo("plan-changed.v1.json");
        assertThat(EventTypes.dataSchema(EventTypes.MEASUREMENT_UPDATED))
            .isEqualTo("https://planeval.io/schemas/measurement-updated.v1.json");
    }
}
