package io.planeval.peer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/** The peer's one table, shaped like planeval's measurement row. */
@ApplicationScoped
public class PeerTable {

    @Inject
    DataSource dataSource;

    void create(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                CREATE TABLE IF NOT EXISTS measurement (
                    id bigserial PRIMARY KEY, plan_code text NOT NULL, indicator_code text NOT NULL,
                    fiscal_year integer NOT NULL, value numeric(20, 6), status text NOT NULL,
                    recorded_at timestamptz NOT NULL)""");
        }
    }
}
