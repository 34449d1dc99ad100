package io.planeval.evaluation.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;

/** A subscription of another system to planeval's events, delivered to its URL, signed. */
@Schema(description = "A subscription: events of these types (of these plans, or every plan) are POSTed to the URL as CloudEvents "
    + "1.0 JSON, signed as the Standard Webhooks specification says (webhook-id, webhook-timestamp, webhook-signature)")
public record Webhook(
    @Schema(readOnly = true) Long id,
    @Schema(description = "Where events are POSTed: https, a public address (http and private addresses only for hosts the "
        + "operator allows)", required = true, example = "https://county.example.jp/planeval-events")
    String url,
    @Schema(description = "The CloudEvents types to deliver: " + Webhooks.TYPES_LISTED, required = true,
        example = "[\"planeval.measurement.updated.v1\", \"planeval.report.fixed.v1\"]")
    List<String> eventTypes,
    @Schema(description = "Only these plans' events; empty or absent: every plan", example = "[\"gunma-r2-r6\"]")
    List<String> planCodes,
    @Schema(description = "What the subscription is for", maxLength = Webhooks.MAX_DESCRIPTION, example = "県の財務システム")
    String description,
    @Schema(readOnly = true, description = "The signing secret (whsec_…): in the answer that creates it or rotates it, and never again")
    String secret,
    @Schema(readOnly = true) Instant createdAt,
    @Schema(readOnly = true) Actor createdBy,
    @Schema(readOnly = true, description = "Since when deliveries have been given up on (retried past planeval.evaluation.webhooks.retry-for); "
        + "absent while it is healthy") Instant failingSince) {

    /** The same subscription with its secret shown (on creation and rotation) or hidden. */
    Webhook withSecret(String shown) {
        return new Webhook(id, url, eventTypes, planCodes, description, shown, createdAt, createdBy, failingSince);
    }
}
