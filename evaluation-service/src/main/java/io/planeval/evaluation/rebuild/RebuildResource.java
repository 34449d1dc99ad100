package io.planeval.evaluation.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;

@Path("/api/v1/admin/rebuild")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    ReadModelRebuild rebuild;

    @POST
    @WriteLimited
    @Operation(operationId = "rebuildReadModel", summary = "Rebuild the read model from the topics",
        description = "Empties the evaluation database and reads planeval.plans, planeval.indicators and "
            + "planeval.measurements from the beginning; answers when done, with counts and speed. Events arriving "
            + "meanwhile wait and are applied afterwards. The result equals the incremental one.")
    @RolesAllowed(Roles.OPS)
    public ReadModelRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
