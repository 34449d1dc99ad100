package io.planeval.support.consume;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (event_id, processed_at) SELECT id, now() FROM unnest(?::text[]) AS id
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
                Set<String> first = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getString(1));
                    }
                }
                return first;
            }
        });
    }
}
