package io.planeval.support.notice;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A connection of its own that LISTENs on a channel ({@link CommitNotices}), for a worker that would otherwise poll:
 * {@link #await} returns at the first notice, or after the poll interval, which stays the safety net. A lost
 * connection is opened again at the next wait. One thread uses it.
 */
public final class ChannelListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChannelListener.class);

    private final DataSource dataSource;
    private final String channel;
    private Connection connection;

    public ChannelListener(DataSource dataSource, String channel) {
        this.dataSource = dataSource;
        this.channel = channel;
    }

    /** Waits until a notice on the channel arrives (true), or at most {@code max} (false). */
    public boolean await(Duration max) throws InterruptedException {
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                listen(connection, channel);
            }
            return awaitOn(connection, max);
        } catch (SQLException e) {
            LOG.debugf("Cannot listen on %s (%s): polling meanwhile", channel, e.getMessage());
            close();
            Thread.sleep(max.toMillis());
            return false;
        }
    }

    /** Whether this listener's session is listening (a lost one is not, until the next wait opens another). */
    public boolean listening() {
        return connection != null;
    }

    @Override
    public void close() {
        if (connection != null) {
            unlisten(connection, channel);
            try {
                connection.close();
            } catch (SQLException e) {
                // already gone
            }
            connection = null;
        }
    }

    /** Starts listening on this session. */
    public static void listen(Connection connection, String channel) throws SQLException {
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + channel);
        }
    }

    /** A pooled connection outlives its close: its session must stop listening explicitly. */
    public static void unlisten(Connection connection, String channel) {
        try (Statement unlisten = connection.createStatement()) {
            unlisten.execute("UNLISTEN " + channel);
        } catch (SQLException e) {
            LOG.debugf("Could not UNLISTEN %s (its connection is gone, and the LISTEN with it): %s", channel, e.getMessage());
        }
    }

    /** Waits on a session that listens until a notice arrives (true), or at most {@code max} (false). */
    public static boolean awaitOn(Connection connection, Duration max) throws SQLException {
        PGNotification[] notices = connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, max.toMillis()));
        return notices != null && notices.length > 0;
    }
}
