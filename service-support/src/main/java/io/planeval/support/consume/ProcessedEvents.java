package io.planeval.support.consume;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.support.persistence.ArrayStatements;
import io.planeval.support.persistence.ArrayStatements.Column;

/**
 * The ids of the events a service has applied. A consumer records them in the transaction that applies the events,
 * so events and ids commit together: a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** Records the ids in one statement; returns those not recorded before (each once, however often it is given). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(List<String> eventIds) {
        return new HashSet<>(ArrayStatements.run(entityManager, """
                INSERT INTO processed_event (event_id, processed_at) SELECT id, now() FROM unnest(?::text[]) AS id
                ON CONFLICT DO NOTHING RETURNING event_id""", eventIds, List.of(new Column<String>("text", id -> id)),
            row -> row.getString(1)));
    }
}
