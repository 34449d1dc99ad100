package io.planeval.evaluation.webhook;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.planeval.support.http.QueryParams;
import io.planeval.support.http.Written;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Roles;
import io.planeval.support.security.WriteLimited;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Other systems subscribe to planeval's events and receive each, at least once, as a signed POST "
    + "(Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature v1 = base64 HMAC-SHA256 of id.timestamp.body under the "
    + "secret) whose body is the CloudEvents 1.0 JSON event with the same data as on Kafka. Plan admins only.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLAN_ADMIN)
public class WebhookResource {

    static final String ID = "The subscription's id";

    /** The subscriptions as listed. */
    public record WebhookList(List<Webhook> items) {
    }

    /** A subscription's attempts as listed. */
    public record AttemptList(List<WebhookAttempt> items) {
    }

    @Inject
    Webhooks webhooks;

    @POST
    @WriteLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events",
        description = "The answer carries the signing secret (whsec_…), the only time it is shown. The URL must be https at a public "
            + "address, unless the operator allows its host (planeval.evaluation.webhooks.allowed-hosts).")
    @APIResponse(responseCode = "201", description = "Subscribed", content = @Content(schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "400", description = "A URL that is not https or resolves to a private address, an event type or plan "
        + "that is not one; every violation listed")
    public Response create(@RequestBody(content = @Content(schema = @Schema(implementation = Webhook.class),
                               examples = @ExampleObject(name = "a county system", value = """
                                   {"url": "https://county.example.jp/planeval-events", "eventTypes": ["planeval.measurement.updated.v1", "planeval.report.fixed.v1"],
                                    "planCodes": ["gunma-r2-r6"], "description": "県の財務システム"}""")))
                           Webhook body) {
        Webhook created = webhooks.create(body);
        return Written.created("/api/v1/webhooks/" + created.id()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Every subscription (without secrets)",
        description = "Each with its URL, event types, plans, and since when it is failing where it is.")
    @APIResponse(responseCode = "200", description = "The subscriptions", content = @Content(schema = @Schema(implementation = WebhookList.class)))
    public WebhookList list() {
        return new WebhookList(webhooks.all());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "A subscription (without its secret)",
        description = "Its URL, event types and plans, who created it, and since when it is failing where it is.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Webhook get(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id") String id) {
        return webhooks.get(id(id));
    }

    @DELETE
    @WriteLimited
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe: nothing more is delivered, deliveries waiting are dropped",
        description = "Its deliveries and their attempts go with it.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public void delete(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id") String id) {
        webhooks.delete(id(id));
    }

    @POST
    @WriteLimited
    @Path("/{id}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret",
        description = "The answer carries the new secret. For a day the previous one signs beside it (webhook-signature holds both, "
            + "space-separated), so that the receiver can switch without a gap.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret", content = @Content(schema = @Schema(implementation = Webhook.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Webhook rotate(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id") String id) {
        return webhooks.rotate(id(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The attempts at delivering to a subscription, the newest first",
        description = "Each attempt: when, which event (its webhook-id, the same on every retry), the receiver's answer, and where the "
            + "delivery stands (pending, delivered, abandoned).")
    @APIResponse(responseCode = "200", description = "The attempts", content = @Content(schema = @Schema(implementation = AttemptList.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public AttemptList deliveries(@Parameter(description = ID, schema = @Schema(type = SchemaType.INTEGER)) @PathParam("id") String id,
                                  @Parameter(description = "Attempts listed", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                      maximum = "1000", defaultValue = "100")) @QueryParam("limit") String limit) {
        return new AttemptList(webhooks.attempts(id(id), QueryParams.limit(limit)));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No webhook " + id);
        }
    }
}
