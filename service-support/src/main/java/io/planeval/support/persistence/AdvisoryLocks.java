package io.planeval.support.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Transaction-scoped PostgreSQL advisory locks, across every instance on the database: creators of the same new
 * resource take turns, so exactly one creates it and the others find it created, instead of racing into the unique
 * constraint; work that may run side by side holds a lock shared that a work excluding it holds alone.
 */
@ApplicationScoped
public class AdvisoryLocks {

    @Inject
    EntityManager entityManager;

    /** Waits for, then holds until the transaction ends, the lock named by {@code key}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String key) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
            .setParameter("key", key)
            .getSingleResult();
    }

    /** Waits for, then holds until the transaction ends, the lock named by {@code key}, shared with other holders. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShared(String key) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock_shared(hashtextextended(:key, 0))")
            .setParameter("key", key)
            .getSingleResult();
    }
}
