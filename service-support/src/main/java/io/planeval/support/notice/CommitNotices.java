package io.planeval.support.notice;

import java.sql.PreparedStatement;

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
        // On the transaction's connection, in plain JDBC: a query on the entity manager would flush its context
        // first, and Hibernate's query machinery costs more than the notice.
        statelessSession.doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
                notify.setString(1, channel);
                notify.executeQuery().close();
            }
        });
    }
}
