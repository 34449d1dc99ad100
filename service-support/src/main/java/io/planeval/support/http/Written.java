package io.planeval.support.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a create-or-replace: 201 with its Location when created, else 200; the ETag is the new version.
 * The Location is the path alone: a URI built from the request's Host header would repeat whatever a client sent.
 */
public final class Written {

    private Written() {
    }

    public static Response response(boolean created, String path, Object entity, long version) {
        return (created ? created(path) : Response.ok()).entity(entity).tag(EntityTags.of(version)).build();
    }

    /** 201 with a relative Location (RFC 9110 allows it). */
    public static Response.ResponseBuilder created(String path) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, path);
    }
}
