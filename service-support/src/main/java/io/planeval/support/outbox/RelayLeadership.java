package io.planeval.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.planeval.support.notice.ChannelListener;

/**
 * One relay per database however many instances of a service run, with no setting that differs between them: the
 * relay of the instance whose connection holds a PostgreSQL session lock. When that instance dies its connection
 * closes and the lock is free: another instance's relay takes over within a sweep interval. The leader LISTENs on
 * the same connection for the notice every transaction that adds events gives ({@link Outbox}), so an event committed
 * on any instance is relayed at once.
 */
@ApplicationScoped
public class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);
    /** The lock's key within a service's own database ("planeval" in ASCII). */
    public static final long LOCK = 0x706c616e6576616cL;
    /** The channel on which transactions that add outbox events give notice. */
    static final String CHANNEL = "planeval_outbox";

    @Inject
    AgroalDataSource dataSource;

    /** The connection holding the lock while this instance leads; null otherwise. */
    private volatile Connection holder;
    /**
     * Whether the holder's connection failed a wait or the relay's work since it was last checked: a wait on a live
     * session already proves it alive, so only then is it asked again (a round trip less for every relayed batch).
     */
    private volatile boolean doubted;

    /** Whether this instance relays now: it keeps the lock while its connection lives, or takes it if it is free. */
    public synchronized boolean lead() {
        if (holder != null) {
            if (!doubted) {
                return true;
            }
            doubted = false;
            if (alive(holder)) {
                return true;
            }
            LOG.warn("Lost the outbox relay lock with its database connection; another instance may take over");
            closeQuietly(holder);
            holder = null;
        }
        Connection candidate = null;
        try {
            candidate = dataSource.getConnection();
            candidate.setAutoCommit(true);
            if (query(candidate, "SELECT pg_try_advisory_lock(?)")) {
                ChannelListener.listen(candidate, CHANNEL);
                holder = candidate;
                LOG.info("This instance relays the outbox");
                return true;
            }
        } catch (SQLException e) {
            LOG.debugf("Cannot ask for the outbox relay lock yet: %s", e.getMessage());
        }
        closeQuietly(candidate);
        return false;
    }

    /** The relay failed: the next {@link #lead()} asks whether the lock's connection still lives. */
    public void doubt() {
        doubted = true;
    }

    /** Gives the lock up (on stop), so that another instance takes over at once. */
    public synchronized void release() {
        if (holder == null) {
            return;
        }
        // A pooled connection outlives its close: the session's lock and LISTEN must be let go explicitly.
        ChannelListener.unlisten(holder, CHANNEL);
        try {
            query(holder, "SELECT pg_advisory_unlock(?)");
        } catch (SQLException e) {
            LOG.debugf("Could not unlock the outbox relay lock (its connection is gone, and the lock with it): %s", e.getMessage());
        }
        closeQuietly(holder);
        holder = null;
    }

    /**
     * Waits, while this instance leads, until a transaction on any instance gives notice of new events, or at most
     * {@code max}; returns at once when it does not lead.
     */
    public boolean awaitNotice(Duration max) {
        Connection connection = holder;
        if (connection == null) {
            return false;
        }
        try {
            return ChannelListener.awaitOn(connection, max);
        } catch (SQLException e) {
            // The connection is gone: the next lead() finds out and gives the lock up.
            doubted = true;
            return false;
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static boolean alive(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // already gone
        }
    }
}
