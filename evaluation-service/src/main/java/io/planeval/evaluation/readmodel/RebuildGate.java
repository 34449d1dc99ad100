package io.planeval.evaluation.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.planeval.support.persistence.AdvisoryLocks;

/**
 * No event lands in a half-emptied model, whichever instance rebuilds: every transaction that applies events holds
 * a PostgreSQL advisory lock in shared mode, a rebuild holds it exclusively. Appliers on every instance wait while a
 * rebuild runs; a rebuild waits for the appliers in flight, and two rebuilds take turns. Readers are not held up:
 * they read the previous model until the rebuild commits.
 */
@ApplicationScoped
public class RebuildGate {

    private static final String LOCK = "planeval-evaluation-rebuild";

    @Inject
    AdvisoryLocks locks;

    /** First in a transaction that applies events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enter() {
        locks.lockShared(LOCK);
    }

    /** First in a rebuild's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close() {
        locks.lock(LOCK);
    }
}
