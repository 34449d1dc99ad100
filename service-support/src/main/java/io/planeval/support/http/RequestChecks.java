package io.planeval.support.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

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
 * 415, which also keeps browsers' plain cross-site posts out), Content-Type and Accept must be media types as HTTP
 * writes them, and the path and query must be UTF-8 text without control characters, as every other input is.
 */
public class RequestChecks {

    /** RFC 9110's token, media type (§8.3.1) and Accept (§12.5.1): what the JAX-RS layer would otherwise fail on. */
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String PARAMETERS = "(?:[ \\t]*;[ \\t]*(?:" + TOKEN + "=(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))?)*[ \\t]*";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + PARAMETERS);
    private static final String RANGE = "[ \\t]*(?:\\*/\\*|" + TOKEN + "/\\*|" + TOKEN + "/" + TOKEN + ")" + PARAMETERS;
    /** A bearer token as the realm issues them (a JWS in compact form), and nothing else in the header. */
    private static final Pattern BEARER_JWT = Pattern.compile("(?i:bearer) [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern ACCEPT = Pattern.compile("[ \\t]*|" + RANGE + "(?:," + RANGE + "|,[ \\t]*)*");

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if ((contentType == null || contentType.isBlank()) && hasBody(request)) {
            return ProblemMappers.respond(Problem.of(415, "Unsupported Media Type",
                "The request has a body but no Content-Type: send application/json (or text/csv where a CSV is taken)"));
        }
        if (contentType != null && !contentType.isBlank() && !MEDIA_TYPE.matcher(contentType).matches()) {
            return ProblemMappers.respond(ProblemException.invalid(HttpHeaders.CONTENT_TYPE, "'" + Text.excerpt(contentType)
                + "' is not a media type (type/subtype, then ;name=value parameters), e.g. application/json").problem());
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !BEARER_JWT.matcher(authorization).matches()) {
            Response refused = ProblemMappers.respond(Problem.of(401, "Unauthorized",
                "Authorization must be 'Bearer ' and a token of the planeval realm, with nothing before or after it"));
            refused.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return refused;
        }
        for (String accept : request.headers().getAll(HttpHeaders.ACCEPT)) {
            if (!ACCEPT.matcher(accept).matches()) {
                return ProblemMappers.respond(ProblemException.invalid(HttpHeaders.ACCEPT, "'" + Text.excerpt(accept)
                    + "' is not a list of media ranges (type/subtype or */*, then ;name=value parameters)").problem());
            }
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
