package io.planeval.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The public REST APIs, as any client sees them. Numbers are read as exact decimals. Calls carry the bearer token
 * given with {@link #authorize} (the operations client's, as the running system sets it), or none before that.
 */
final class Api {

    private static volatile String token;

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    private Api() {
    }

    static void authorize(String bearerToken) {
        token = bearerToken;
    }

    static Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET that carries these headers too (If-None-Match, say). */
    static Reply get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** The current bearer token, for clients the test builds itself. */
    static String token() {
        return token;
    }

    static JsonNode getJson(String url) {
        Reply reply = get(url);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + url + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    static Reply post(String url, String json) {
        return send("POST", url, "application/json", json);
    }

    /** A JSON POST that carries these headers too (a traceparent the caller continues, say). */
    static Reply post(String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    static Reply send(String method, String url, String contentType, String body) {
        return sendAs(token, method, url, contentType, body);
    }

    /** A call with this bearer token (null: none) instead of the one given with {@link #authorize}; GET without a body. */
    static Reply sendAs(String bearerToken, String method, String url, String contentType, String body) {
        return sendAs(bearerToken, method, url, contentType, body, Map.of());
    }

    /** As {@link #sendAs(String, String, String, String, String)}, with these headers too (a Cookie, say). */
    static Reply sendAs(String bearerToken, String method, String url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType + "; charset=UTF-8")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return send(request, bearerToken);
    }

    /** The bytes a GET answers (a file), with the token given with {@link #authorize}; 200 or an assertion error. */
    static byte[] getBytes(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST of these bytes (a file) with this bearer token. */
    static Reply sendBytes(String bearerToken, String url, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)), bearerToken);
    }

    private static Reply send(HttpRequest.Builder request) {
        return send(request, token);
    }

    private static Reply send(HttpRequest.Builder request, String bearerToken) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            return new Reply(-1, e.toString(), java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
