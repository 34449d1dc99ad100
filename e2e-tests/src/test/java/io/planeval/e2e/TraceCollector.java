package io.planeval.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * An OpenTelemetry collector as far as the test needs one: it takes OTLP over HTTP (protobuf), as a real collector
 * would from the services, and keeps each span's ids, name, kind and service.
 */
final class TraceCollector implements AutoCloseable {

    /** One span as it was exported. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
                Map<String, String> attributes) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    TraceCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", Processes.freePort()), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                keep(ExportTraceServiceRequest.parseFrom(body));
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The settings that make a service export its traces here at once. */
    Map<String, String> serviceSettings() {
        return Map.of(
            "QUARKUS_OTEL_SDK_DISABLED", "false",
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
            "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
    }

    /** Every span of a trace received so far. */
    List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void keep(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(new Span(service,
                    HEX.formatHex(span.getTraceId().toByteArray()), HEX.formatHex(span.getSpanId().toByteArray()),
                    HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name(),
                    attributes(span.getAttributesList()))));
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> attributes = new java.util.HashMap<>();
        for (KeyValue value : values) {
            attributes.put(value.getKey(), value.getValue().hasIntValue()
                ? Long.toString(value.getValue().getIntValue()) : value.getValue().getStringValue());
        }
        return attributes;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
