package io.planeval.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.planeval.contracts.EventTypes;

/**
 * The event contracts in {@code contracts/} (JSON Schemas and golden samples), checked: what a producer actually
 * publishes must match the schema its {@code ce_type} names, with the CloudEvents headers that say so.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    /** Why the payload does not match the type's schema; empty when it does. */
    public static Set<ValidationMessage> violations(String type, String payload) {
        try {
            return schema(type).validate(JSON.readTree(payload));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + payload, e);
        }
    }

    /** The golden sample of a type, as shipped in contracts/samples. */
    public static String sample(String type) {
        return resource("samples/" + EventTypes.schemaFile(type)).toString();
    }

    /**
     * Every record on the topic that {@code source} published has its CloudEvents headers (type, dataschema) and a
     * payload that matches its schema; returns how many were checked.
     */
    public static int assertPublishedMatch(String topic, String source) {
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readAll(topic).stream()
            .filter(record -> source.equals(header(record, "ce_source")))
            .toList();
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, "ce_type");
            assertThat(header(record, "ce_dataschema")).as("dataschema of %s", type).isEqualTo(EventTypes.dataSchema(type));
            assertThat(violations(type, record.value())).as("%s at %s-%d@%d: %s", type, topic, record.partition(), record.offset(),
                record.value()).isEmpty();
        }
        return records.size();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(resource("schemas/" + EventTypes.schemaFile(t))));
    }

    private static JsonNode resource(String path) {
        try (InputStream in = EventTypes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("contracts has no " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
