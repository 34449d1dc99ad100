package io.planeval.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.Topics;

class EventContractTest {

    static final List<String> TYPES = List.of(EventTypes.PLAN_CHANGED, EventTypes.INDICATOR_CHANGED,
        EventTypes.MEASUREMENT_UPDATED, EventTypes.MEASUREMENT_REVIEWED, EventTypes.EVALUATION_CHANGED, EventTypes.TALLY_OVERDUE,
        EventTypes.REPORT_FIXED, EventTypes.REMINDER_SENT);

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
    void theAsyncApiDocumentDescribesEveryTopicAndEventAsTheyAre() throws Exception {
        JsonNode doc;
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder(Topics.PLANS, Topics.INDICATORS, Topics.MEASUREMENTS, Topics.EVALUATIONS);
        List<String> names = new ArrayList<>();
        doc.path("components").path("messages").forEach(message -> {
            String type = message.path("name").asText();
            names.add(type);
            assertThat(message.at("/payload/schema/$ref").asText()).as(type).isEqualTo("schemas/" + EventTypes.schemaFile(type));
        });
        assertThat(names).containsExactlyInAnyOrderElementsOf(TYPES);
        for (String type : TYPES) {
            try (InputStream schema = EventTypes.class.getClassLoader().getResourceAsStream("schemas/" + EventTypes.schemaFile(type))) {
                assertThat(new ObjectMapper().readTree(schema).path("$id").asText()).isEqualTo(EventTypes.dataSchema(type));
            }
        }
    }

    @Test
    void aTypeNamesItsSchema() {
        assertThat(EventTypes.schemaFile(EventTypes.PLAN_CHANGED)).isEqualTo("plan-changed.v1.json");
        assertThat(EventTypes.dataSchema(EventTypes.MEASUREMENT_UPDATED))
            .isEqualTo("https://planeval.io/schemas/measurement-updated.v1.json");
    }
}
