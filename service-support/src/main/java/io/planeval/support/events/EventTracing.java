package io.planeval.support.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * One trace per change across services: the request's trace context is stored with the change's outbox row
 * ({@link #currentParent()}), the relay's publish span continues it and travels in the record's {@code traceparent}
 * header, and the consumer's apply span continues that. Spans cost nothing while the SDK is off
 * ({@code quarkus.otel.sdk.disabled}, the default).
 */
@ApplicationScoped
public class EventTracing {

    private static final String TRACE_PARENT = "traceparent";

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    Tracer tracer;

    /** The W3C traceparent of the span in progress, to store with an outbox row; null when nothing is traced. */
    public String currentParent() {
        Map<String, String> carrier = new HashMap<>(2);
        propagator().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACE_PARENT);
    }

    /** Starts the span of sending one stored event, child of the change that stored it, and puts it in the headers. */
    public Span publishing(String storedParent, String topic, String eventId, Headers headers) {
        Context parent = storedParent == null
            ? Context.root()
            : propagator().extract(Context.root(), Map.of(TRACE_PARENT, storedParent), MAP);
        Span span = tracer.spanBuilder(topic + " publish")
            .setParent(parent)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.operation.type", "send")
            .setAttribute("messaging.destination.name", topic)
            .setAttribute("messaging.message.id", eventId)
            .startSpan();
        propagator().inject(parent.with(span), headers, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        return span;
    }

    /**
     * Starts one span per record, each child of the publish span its headers name, for work that applies them
     * together. A single record's span is current meanwhile, so what the work publishes continues the same trace.
     */
    public Applying applying(Iterable<ConsumerRecord<String, String>> records) {
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Context parent = propagator().extract(Context.root(), record.headers(), HEADERS);
            spans.add(tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.message.id",
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID).orElse(""))
                .startSpan());
        }
        for (Span span : spans) {
            span.setAttribute("messaging.batch.message_count", spans.size());
        }
        Scope scope = spans.size() == 1 ? spans.get(0).makeCurrent() : Scope.noop();
        return new Applying(spans, scope);
    }

    /** The spans of records being applied; closing ends them, marked failed if {@link #failed} was called. */
    public static final class Applying implements AutoCloseable {

        private final List<Span> spans;
        private final Scope scope;

        Applying(List<Span> spans, Scope scope) {
            this.spans = spans;
            this.scope = scope;
        }

        public void failed(Throwable reason) {
            for (Span span : spans) {
                span.recordException(reason);
                span.setStatus(StatusCode.ERROR, reason.getMessage() == null ? "" : reason.getMessage());
            }
        }

        @Override
        public void close() {
            scope.close();
            spans.forEach(Span::end);
        }
    }

    private TextMapPropagator propagator() {
        return openTelemetry.getPropagators().getTextMapPropagator();
    }
}
