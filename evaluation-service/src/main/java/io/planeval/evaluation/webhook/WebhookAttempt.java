package io.planeval.evaluation.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.DeliveryState;

/** One attempt at delivering an event to a subscription, with the receiver's answer. */
public record WebhookAttempt(
    long deliveryId,
    @Schema(description = "The webhook-id header: the same on every attempt of a delivery") String messageId,
    @Schema(example = "planeval.measurement.updated.v1") String eventType,
    String planCode,
    @Schema(description = "1 for the first") int attempt,
    Instant attemptedAt,
    @Schema(description = "The receiver's HTTP status; absent where none came (refused, timed out)") Integer answerStatus,
    @Schema(description = "Why the attempt failed, where it did") String error,
    @Schema(description = "Where the delivery stands now") DeliveryState state) {
}
