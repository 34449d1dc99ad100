package io.planeval.support.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.planeval.support.problem.Problem;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.ProblemMappers;
import io.planeval.support.text.Text;
import io.vertx.core.http.HttpServerRequest;

/**
 * Checks every request before it reaches a resource: a body must say what it is (a body without Content-Type is
 * 415, which also keeps browsers' plain cross-site posts out), and the path and query must be UTF-8 text without
 * control characters, as every other input is.
 */
public class RequestChecks {

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if ((contentType == null || contentType.isBlank()) && hasBody(request)) {
            return ProblemMappers.respond(Problem.of(415, "Unsupported Media Type",
                "The request has a body but no Content-Type: send application/json (or text/csv where a CSV is taken)"));
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String fault = fault(query < 0 ? uri : uri.substring(0, query));
        String where = "path";
        if (fault == null && query >= 0) {
            fault = fault(uri.substring(query + 1));
            where = "query";
        }
        if (fault != null) {
            return ProblemMappers.respond(ProblemException.invalid(where, fault).problem());
        }
        return null;
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader("Transfer-Encoding") != null || (length != null && !length.trim().equals("0"));
    }

    /** Why a raw, percent-encoded part of the URI is not acceptable text once decoded; null when it is. */
    static String fault(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '%') {
                return "has a '%' that is not followed by two hexadecimal digits";
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Text.fault(Text.decodeUtf8(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            return "is not UTF-8 once percent-decoded: " + e.getMessage();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
