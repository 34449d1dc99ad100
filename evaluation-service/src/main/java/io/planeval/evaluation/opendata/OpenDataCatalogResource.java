package io.planeval.evaluation.opendata;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.evaluation.report.CachedReads;

@Path("/api/v1/open-data")
@Tag(name = "Open data")
public class OpenDataCatalogResource {

    @Inject
    OpenData openData;

    @Inject
    CachedReads cached;

    @GET
    @Path("/catalog")
    @Produces({"application/ld+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getOpenDataCatalog", summary = "A DCAT catalogue of every open-data plan's dataset",
        description = "JSON-LD: each dataset with its title, licence, period, last modification and its CSV and metadata distributions.")
    @APIResponse(responseCode = "200", description = "The catalogue", content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not changed (If-None-Match)")
    @SecurityRequirementsSet
    @PermitAll
    public Response catalog(@Context Request request) {
        return cached.bytes(request, true, openData.catalog(), MediaType.valueOf("application/ld+json; charset=UTF-8"));
    }
}
