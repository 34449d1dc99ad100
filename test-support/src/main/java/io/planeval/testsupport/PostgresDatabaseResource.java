package io.planeval.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a Quarkus test run its own empty PostgreSQL database on the real server (127.0.0.1:5432 unless
 * PGHOST/PGPORT/PGUSER/PGPASSWORD say otherwise), named by the init arg {@code database}.
 * The database is dropped and created once per JVM, so a run never sees the previous run's rows.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "planeval_test");
    }

    @Override
    public Map<String, String> start() {
        String host = env("PGHOST", "127.0.0.1");
        String port = env("PGPORT", "5432");
        String user = env("PGUSER", "planeval");
        String password = env("PGPASSWORD", "planeval");
        if (CREATED.add(database)) {
            recreate("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
        }
        return Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
            "quarkus.datasource.username", user,
            "quarkus.datasource.password", password);
    }

    private void recreate(String adminUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database + " at " + adminUrl
                + ": is PostgreSQL running and may role " + user + " create databases? (run .ci/run or deploy/local/postgres.sh)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void stop() {
        // Left in place for inspection after a failed run; dropped at the start of the next one.
    }
}
