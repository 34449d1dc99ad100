package io.planeval.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * One relay per database however many instances of a service run, with no setting that differs between them: the
 * relay of the instance whose connection holds a PostgreSQL session lock. When that instance dies its connection
 * closes and the lock is free: another instance's relay takes over within a sweep interval.
 */
@ApplicationScoped
public class RelayLeadership {

    private static final Logger LOG = Logger.getLogger(RelayLeadership.class);
    /** The lock's key within a service's own database ("planeval" in ASCII). */
    public static final long LOCK = 0x706c616e6576616cL;

    @Inject
    AgroalDataSource dataSource;

    /** The connection holding the lock while this instance leads; null otherwise. */
    private Connection holder;

    /** Whether this instance relays now: it keeps the lock while its connection lives, or takes it if it is free. */
    public synchronized boolean lead() {
        if (holder != null) {
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

    /** Gives the lock up (on stop), so that another instance takes over at once. */
    public synchronized void release() {
        if (holder == null) {
            return;
        }
        try {
            // A pooled connection outlives its close: the session lock must be let go explicitly.
            query(holder, "SELECT pg_advisory_unlock(?)");
        } catch (SQLException e) {
            LOG.debugf("Could not unlock the outbox relay lock (its connection is gone, and the lock with it): %s", e.getMessage());
        }
        closeQuietly(holder);
        holder = null;
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
