package io.planeval.support.http;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** The answer to a create-or-replace: 201 with its Location when created, else 200; the ETag is the new version. */
public final class Written {

    private Written() {
    }

    public static Response response(boolean created, String location, Object entity, long version) {
        Response.ResponseBuilder response = created ? Response.created(URI.create(location)) : Response.ok();
        return response.entity(entity).tag(EntityTags.of(version)).build();
    }
}
