package io.planeval.evaluation.organisation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.http.Written;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;

@Path("/api/v1/organisations")
@Tag(name = "Organisations", description = "The organisations that report (departments, municipalities) and where their reminders "
    + "go; the code is the one indicators and tokens name them by. Contacts are personal data: plan admins only.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLAN_ADMIN)
public class OrganisationResource {

    static final String CODE = "The organisation's code, as indicators (organisation) and tokens (org) name it";

    /** The directory as listed. */
    public record OrganisationList(List<Organisation> items) {
    }

    @Inject
    Organisations organisations;

    @GET
    @Operation(operationId = "listOrganisations", summary = "Every organisation in the directory, by code",
        description = "With each one's name, contacts and language, and who last wrote it.")
    @APIResponse(responseCode = "200", description = "The directory", content = @Content(schema = @Schema(implementation = OrganisationList.class)))
    public OrganisationList list() {
        return new OrganisationList(organisations.all());
    }

    @GET
    @Path("/{organisation}")
    @Operation(operationId = "getOrganisation", summary = "An organisation and its contacts",
        description = "Its name, the addresses its reminders go to, and the language they are written in.")
    @APIResponse(responseCode = "200", description = "The organisation", content = @Content(schema = @Schema(implementation = Organisation.class)))
    @APIResponse(responseCode = "404", description = "Not in the directory")
    public Organisation get(@Parameter(description = CODE) @PathParam("organisation") String code) {
        return organisations.get(code).orElseThrow(() -> ProblemException.notFound("Organisation " + code + " is not in the directory"));
    }

    @PUT
    @WriteLimited
    @Path("/{organisation}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putOrganisation", summary = "Write an organisation: its name, contacts and language",
        description = "Replaces what was there. Its reminders go to these addresses from the next one on.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = Organisation.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = Organisation.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or not acceptable (an address that is not one); every violation listed")
    public Response put(@Parameter(description = CODE) @PathParam("organisation") String code,
                        @RequestBody(content = @Content(schema = @Schema(implementation = Organisation.class),
                            examples = @ExampleObject(name = "a department", value = """
                                {"name": "総務部 業務プロセス改革課", "contacts": ["gyokaku@example.jp"], "language": "ja"}""")))
                        Organisation body) {
        boolean created = organisations.put(code, body);
        Organisation stored = organisations.get(code).orElseThrow();
        return (created ? Written.created("/api/v1/organisations/" + code) : Response.ok()).entity(stored).build();
    }

    @DELETE
    @WriteLimited
    @Path("/{organisation}")
    @Operation(operationId = "deleteOrganisation", summary = "Remove an organisation from the directory (it is reminded no more)",
        description = "Its indicators and figures stay; reminders already sent stay listed.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Not in the directory")
    public void delete(@Parameter(description = CODE) @PathParam("organisation") String code) {
        if (!organisations.delete(code)) {
            throw ProblemException.notFound("Organisation " + code + " is not in the directory");
        }
    }
}
