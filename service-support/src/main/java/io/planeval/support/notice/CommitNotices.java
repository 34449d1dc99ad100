package io.planeval.support.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.StatelessSession;

/**
 * Gives notice on a PostgreSQL channel when the current transaction commits (NOTIFY is delivered at commit, and
 * dropped at rollback), once per transaction and channel, so that a worker on any instance waiting on that channel
 * ({@link ChannelListener}) wakes at once instead of at its next poll.
 */
@ApplicationScoped
public class CommitNotices {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    StatelessSession statelessSession;

    @Transactional(Transactional.TxType.MANDATORY)
    public void atCommit(String channel) {
        String given = "planeval-notice:" + channel;
        if (transactions.getResource(given) != null) {
            return;
        }
        transactions.putResource(given, Boolean.TRUE);
        // Through the stateless session: a native query on the entity manager would flush its context first.
        statelessSession.createNativeQuery("SELECT pg_notify(:channel, '')").setParameter("channel", channel).getSingleResult();
    }
}
