package io.planeval.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;

/**
 * Sends every class of bad input to a service's write endpoints and asserts that each is refused as it should be:
 * a 4xx with {@code application/problem+json}, a short body, and nothing stored. Bad input is made from a body the
 * endpoint accepts, one field at a time: control characters, unpaired surrogates, malformed UTF-8, values of the
 * wrong JSON type, numbers beyond any column, dates outside the calendar, duplicate keys, trailing data, deep
 * nesting, a null or UTF-16 body, and a body without, with the wrong or with a malformed Content-Type; a path with a NUL
 * or malformed UTF-8; and a bearer token with something after it or under another scheme.
 */
public final class BadInputSweep {

    /** A write endpoint and a body it accepts; {@code wholeNumbers} names the fields that take whole numbers only. */
    public record Endpoint(String method, String path, String contentType, String validBody, Set<String> wholeNumbers) {
    }

    /** One bad request and what it is; {@code authorization} null: the operations client's bearer token. */
    record Case(String what, String contentType, byte[] body, String path, String authorization) {

        Case(String what, String contentType, byte[] body, String path) {
            this(what, contentType, body, path, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String SURROGATE = "@@unpaired-surrogate@@";
    /** Byte sequences Jackson would decode although they are not UTF-8: overlong NUL, overlong 'A', a surrogate. */
    private static final Map<String, byte[]> NOT_UTF8 = Map.of(
        "@@overlong-nul@@", new byte[] {'x', (byte) 0xC0, (byte) 0x80},
        "@@overlong-a@@", new byte[] {'x', (byte) 0xC1, (byte) 0x81},
        "@@encoded-surrogate@@", new byte[] {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
    private static final int MAX_BODY = 4000;

    private BadInputSweep() {
    }

    /**
     * Sends every bad variant, each of which must be refused with nothing stored ({@code state} describes what the
     * service stores and must stay the same); then the valid body, which must be accepted, so that each refusal came
     * from what was changed. Returns how many bad requests were sent.
     */
    public static int sweep(Endpoint endpoint, Supplier<String> state) {
        String before = state.get();
        List<Case> cases = cases(endpoint);
        for (Case c : cases) {
            HttpResponse<String> response = send(endpoint.method(), c.path(), c.contentType(), c.body(),
                c.authorization() == null ? "Bearer " + TestIdentity.ops() : c.authorization());
            String as = endpoint.method() + " " + endpoint.path() + " with " + c.what() + ": " + response.body();
            assertThat(response.statusCode()).as(as).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(as).startsWith("application/problem+json");
            assertThat(response.body().length()).as(as).isLessThan(MAX_BODY);
            assertThat(read(response.body()).path("status").asInt()).as(as).isEqualTo(response.statusCode());
            assertThat(state.get()).as("stored after " + as).isEqualTo(before);
        }
        HttpResponse<String> valid = send(endpoint.method(), endpoint.path(), endpoint.contentType(),
            endpoint.validBody().getBytes(StandardCharsets.UTF_8), "Bearer " + TestIdentity.ops());
        assertThat(valid.statusCode()).as("the valid body of %s %s: %s", endpoint.method(), endpoint.path(), valid.body())
            .isBetween(200, 299);
        return cases.size();
    }

    static List<Case> cases(Endpoint endpoint) {
        String type = endpoint.contentType();
        String path = endpoint.path();
        List<Case> cases = new ArrayList<>();
        byte[] valid = endpoint.validBody().getBytes(StandardCharsets.UTF_8);
        cases.add(new Case("no Content-Type", null, valid, path));
        cases.add(new Case("Content-Type text/plain", "text/plain", valid, path));
        cases.add(new Case("a Content-Type that is not a media type (;;;)", ";;;", valid, path));
        cases.add(new Case("a Content-Type that is not a media type (/)", "/", valid, path));
        if (!type.startsWith("application/json")) {
            cases.add(new Case("Content-Type application/json where " + type + " is taken", "application/json", valid, path));
        }
        for (String encoding : List.of("UTF-16LE", "UTF-16BE")) {
            cases.add(new Case("the body in " + encoding + " without a byte-order mark", type,
                endpoint.validBody().getBytes(java.nio.charset.Charset.forName(encoding)), path));
        }
        cases.add(new Case("the body null", type, bytes("null"), path));
        for (String suffix : List.of(",", ";", "=", " x")) {
            cases.add(new Case("the bearer token followed by '" + suffix + "'", type, valid, path,
                "Bearer " + TestIdentity.ops() + suffix));
        }
        cases.add(new Case("a token under another scheme", type, valid, path, "Basic " + TestIdentity.ops()));
        cases.add(new Case("a NUL in the path", type, valid, path + "%00"));
        cases.add(new Case("malformed UTF-8 in the path", type, valid, path + "%C0%80"));
        cases.add(new Case("a NUL in the query", type, valid, path + "?x=%00"));
        cases.add(new Case("an empty body", type, new byte[0], path));
        cases.add(new Case("not JSON", type, bytes("{\"oops"), path));
        cases.add(new Case("trailing data", type, bytes(endpoint.validBody() + " {}"), path));
        cases.add(new Case("deep nesting", type, bytes("[".repeat(5000) + "]".repeat(5000)), path));
        JsonNode template = read(endpoint.validBody());
        duplicateKey(template).ifPresent(body -> cases.add(new Case("a duplicate key", type, bytes(body), path)));
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        leaves(template, "", leaves);
        leaves.forEach((at, leaf) -> badValues(leaf, endpoint.wholeNumbers().contains(lastName(at))).forEach((what, value) ->
            cases.add(new Case(what + " at " + at, type, replaced(template, at, value), path))));
        return cases;
    }

    private static Map<String, JsonNode> badValues(JsonNode leaf, boolean wholeNumber) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        if (leaf.isTextual()) {
            bad.put("a NUL character", f.textNode("a\u0000b"));
            bad.put("an escape character", f.textNode("\u001b[31m"));
            bad.put("a C1 control character", f.textNode("x\u0085"));
            bad.put("an unpaired surrogate", f.textNode(SURROGATE));
            NOT_UTF8.keySet().stream().sorted().forEach(placeholder -> bad.put("bytes that are not UTF-8 " + placeholder,
                f.textNode(placeholder)));
            bad.put("a number for a string", f.numberNode(12));
            bad.put("an object for a string", f.objectNode());
            bad.put("100,000 characters", f.textNode("x".repeat(100_000)));
            if (DATE.matcher(leaf.asText()).matches()) {
                bad.put("a number for a date", f.numberNode(20250331));
                bad.put("year 0000", f.textNode("0000-01-01"));
                bad.put("February 30", f.textNode("2025-02-30"));
            }
        } else if (leaf.isNumber()) {
            bad.put("a string for a number", f.textNode(leaf.asText()));
            bad.put("true for a number", f.booleanNode(true));
            bad.put("1e10000000", f.numberNode(new BigDecimal("1e10000000")));
            bad.put("-1e10000000", f.numberNode(new BigDecimal("-1e10000000")));
            bad.put("1e-10000000", f.numberNode(new BigDecimal("1e-10000000")));
            bad.put("a 30-digit number", f.numberNode(new BigInteger("9".repeat(30))));
            if (wholeNumber) {
                bad.put("a fraction for a whole number", f.numberNode(new BigDecimal(leaf.asText() + ".5")));
                bad.put("a whole number beyond int", f.numberNode(9_999_999_999L));
            }
        }
        return bad;
    }

    /** The template with the leaf at {@code at} replaced, as bytes; placeholders become what Jackson will not write. */
    private static byte[] replaced(JsonNode template, String at, JsonNode value) {
        JsonNode copy = template.deepCopy();
        set(copy, at, value);
        String text;
        try {
            text = JSON.writeValueAsString(copy).replace(SURROGATE, "\\ud800x");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, byte[]> notUtf8 : NOT_UTF8.entrySet()) {
            int index = text.indexOf(notUtf8.getKey());
            if (index >= 0) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(bytes(text.substring(0, index)));
                out.writeBytes(notUtf8.getValue());
                out.writeBytes(bytes(text.substring(index + notUtf8.getKey().length())));
                return out.toByteArray();
            }
        }
        return bytes(text);
    }

    /** The first object's first field, written twice. */
    private static Optional<String> duplicateKey(JsonNode template) {
        JsonNode object = template.isArray() && template.size() > 0 ? template.get(0) : template;
        if (!object.isObject() || object.size() == 0) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> first = object.fields().next();
        String written = object.toString();
        String doubled = "{" + JSON.getNodeFactory().objectNode().set(first.getKey(), first.getValue()).toString()
            .replaceAll("^\\{|}$", "") + "," + written.substring(1);
        return Optional.of(template.isArray() ? "[" + doubled + "]" : doubled);
    }

    private static void leaves(JsonNode node, String at, Map<String, JsonNode> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                leaves(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), at + "[" + i + "]", out);
            }
        } else if (node.isTextual() || node.isNumber()) {
            out.put(at, node);
        }
    }

    private static void set(JsonNode root, String at, JsonNode value) {
        List<String> steps = steps(at);
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = step(parent, steps.get(i));
        }
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static JsonNode step(JsonNode node, String step) {
        return step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1))) : node.get(step);
    }

    private static List<String> steps(String at) {
        List<String> steps = new ArrayList<>();
        var matcher = Pattern.compile("\\[\\d+]|[^.\\[]+").matcher(at);
        while (matcher.find()) {
            steps.add(matcher.group());
        }
        return steps;
    }

    private static String lastName(String at) {
        List<String> steps = steps(at);
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (!steps.get(i).startsWith("[")) {
                return steps.get(i);
            }
        }
        return "";
    }

    static HttpResponse<String> send(String method, String path, String contentType, byte[] body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
