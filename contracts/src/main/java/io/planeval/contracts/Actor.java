package io.planeval.contracts;

/**
 * Who made a change, as the bearer token of the request said: the subject, the client it came through and the
 * organisation it acted for (each null where the token named none). Carried by every event, kept in every audit trail.
 */
public record Actor(String subject, String client, String organisation) {
}
