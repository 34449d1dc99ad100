package io.planeval.evaluation.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateGlobal;

/**
 * The dashboard's stylesheet and script under names that carry a digest of their bytes ({@code /assets/1a2b3c4d5e6f/dashboard.css}):
 * a browser keeps them for a year and asks again only when they change, because then the pages name them anew.
 */
@Path("/assets")
public class Assets {

    /** The files served, by name, with their media types. */
    private static final Map<String, String> FILES = Map.of("dashboard.css", "text/css;charset=UTF-8", "dashboard.js", "text/javascript;charset=UTF-8");
    private static final Map<String, byte[]> CONTENT = Map.of("dashboard.css", read("dashboard.css"), "dashboard.js", read("dashboard.js"));

    private static final Map<String, String> VERSIONS = Map.of("dashboard.css", digest(CONTENT.get("dashboard.css")),
        "dashboard.js", digest(CONTENT.get("dashboard.js")));

    /** Where the pages find the stylesheet ({@code {stylesheet}} in a template). */
    @TemplateGlobal
    static final String STYLESHEET = "/assets/" + VERSIONS.get("dashboard.css") + "/dashboard.css";

    /** Where the pages find the script ({@code {script}}). */
    @TemplateGlobal
    static final String SCRIPT = "/assets/" + VERSIONS.get("dashboard.js") + "/dashboard.js";

    /**
     * The file; under its current digest kept a year, under an older one (a page from before a deployment) served
     * as it is now and revalidated.
     */
    @GET
    @Path("{version}/{name}")
    public Response file(@PathParam("version") String version, @PathParam("name") String name) {
        byte[] content = CONTENT.get(name);
        if (content == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        boolean current = version.equals(VERSIONS.get(name));
        return Response.ok(content, FILES.get(name))
            .header("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache")
            .build();
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard's " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first twelve hex digits of the SHA-256 of the bytes: enough to tell versions of one file apart. */
    static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
