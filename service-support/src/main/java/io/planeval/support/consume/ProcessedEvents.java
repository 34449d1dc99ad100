package io.planeval.support.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The ids of the events a service has applied. A consumer calls {@link #firstDelivery} in the transaction that
 * applies the event, so the event and its id commit together: a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** Records the id; false when it was recorded before, i.e. the event was already applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_event (event_id, processed_at) VALUES (:id, now()) ON CONFLICT DO NOTHING")
            .setParameter("id", eventId)
            .executeUpdate() == 1;
    }
}
