package io.planeval.evaluation.attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.http.Written;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;

@Path("/api/v1/plans/{planCode}/attachments")
@Tag(name = "Evidence", description = "Files attached to a measurement revision or to a revision of a narrative: PDF, PNG, JPEG, "
    + "XLSX, DOCX or CSV, checked from their bytes, kept with their SHA-256. Read by readers (not published as open data).")
public class AttachmentResource {

    static final String MEASUREMENT = "The measurement revision the file supports (its id)";
    static final String NODE = "The node whose narrative the file supports (with fiscalYear)";
    static final String INDICATOR = "The indicator whose causes and actions the file supports (with fiscalYear)";
    static final String YEAR = "The narrative's fiscal year (with node or indicator)";
    static final String REVISION = "The narrative's revision; default: the one in force";

    @Inject
    Attachments attachments;

    @POST
    @WriteLimited
    @Consumes({FileTypes.PDF, FileTypes.PNG, FileTypes.JPEG, FileTypes.XLSX, FileTypes.DOCX, FileTypes.CSV})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadAttachment", summary = "Attach a file of evidence to a measurement revision or a narrative revision",
        description = "The body is the file; its Content-Type is its type, checked against its bytes and its name. Name exactly "
            + "one of measurementId, node or indicator. Written by whoever may write what it is attached to. The same file "
            + "attached to the same thing again stores nothing new (200).")
    @RequestBody(required = true, content = {@Content(mediaType = FileTypes.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"),
        examples = @ExampleObject(name = "a PDF", value = "%PDF-1.4\n%%EOF\n")),
        @Content(mediaType = FileTypes.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = FileTypes.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = FileTypes.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = FileTypes.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = FileTypes.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = Attachment.class)),
        headers = @Header(name = "Location", description = "Where the file is downloaded", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The same file was attached to the same thing before",
        content = @Content(schema = @Schema(implementation = Attachment.class)))
    @APIResponse(responseCode = "400", description = "No file name, a name or bytes not of the type, or not exactly one thing named")
    @APIResponse(responseCode = "403", description = "The caller may not write what the file is attached to")
    @APIResponse(responseCode = "404", description = "No such plan, node, indicator or narrative")
    @APIResponse(responseCode = "409", description = "The measurement has not reached the evaluation yet: retry after Retry-After")
    @APIResponse(responseCode = "413", description = "Larger than planeval.evaluation.attachment-max-size (10 MB by default)")
    @RolesAllowed({Roles.PLAN_ADMIN, Roles.INDICATOR_STEWARD, Roles.REPORTER})
    public Response upload(@PathParam("planCode") String planCode,
                           @Parameter(description = MEASUREMENT, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("measurementId") String measurementId,
                           @Parameter(description = NODE) @QueryParam("node") String node,
                           @Parameter(description = INDICATOR) @QueryParam("indicator") String indicator,
                           @Parameter(description = YEAR, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                           @Parameter(description = REVISION, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("revision") String revision,
                           @Parameter(description = "The file's name, e.g. R6実績.pdf", required = true) @QueryParam("fileName") String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           byte[] body) {
        Attachments.Stored stored = attachments.upload(planCode, new Attachments.Selector(blankless(measurementId), blankless(node),
            blankless(indicator), fiscalYear, revision), fileName, contentType, body);
        return (stored.created() ? Written.created(stored.attachment().download()) : Response.ok()).entity(stored.attachment())
            .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAttachments", summary = "The files attached to one thing, or to anything of the plan (of a fiscal year)",
        description = "Oldest first, a page at a time; without measurementId, node or indicator, every file of the plan.")
    @APIResponse(responseCode = "200", description = "A page of attachments, without their bytes")
    @APIResponse(responseCode = "404", description = "No such plan, node, indicator or narrative")
    @RolesAllowed(Roles.READER)
    public Page<Attachment> list(@PathParam("planCode") String planCode,
                                 @Parameter(description = MEASUREMENT, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("measurementId") String measurementId,
                                 @Parameter(description = NODE) @QueryParam("node") String node,
                                 @Parameter(description = INDICATOR) @QueryParam("indicator") String indicator,
                                 @Parameter(description = "The fiscal year (with node or indicator: the narrative's; alone: every file of the year)",
                                     schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("fiscalYear") String fiscalYear,
                                 @Parameter(description = REVISION, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("revision") String revision,
                                 @Parameter(description = "Attachments per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit,
                                 @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Attachments.Selector selector = new Attachments.Selector(blankless(measurementId), blankless(node), blankless(indicator),
            fiscalYear, revision);
        return attachments.list(planCode, selector, selector.isEmpty() ? QueryParams.fiscalYear(fiscalYear) : null,
            QueryParams.limit(limit), cursor);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getAttachment", summary = "A file of evidence, byte for byte, as a download",
        description = "With the type it was stored as, Content-Disposition attachment under its own name (RFC 6266, UTF-8) and "
            + "X-Content-Type-Options nosniff, so that no browser runs it as a page.")
    @APIResponse(responseCode = "200", description = "The file, with its stored type",
        content = {@Content(mediaType = FileTypes.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = FileTypes.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = FileTypes.JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = FileTypes.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = FileTypes.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = FileTypes.CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"))},
        headers = @Header(name = "Content-Disposition", description = "attachment, with the file's name", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan or attachment")
    @RolesAllowed(Roles.READER)
    public Response download(@PathParam("planCode") String planCode, @PathParam("id") String id) {
        Attachments.Content file = attachments.content(planCode, id);
        // An ASCII fallback and the name itself (RFC 6266, RFC 8187): browsers save it under its Japanese name.
        String fallback = file.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.bytes(), file.mediaType())
            .header("Content-Disposition", "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded)
            .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
            .build();
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
