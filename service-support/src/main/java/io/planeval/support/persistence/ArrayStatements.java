package io.planeval.support.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Many rows in one statement: each column goes in as one array parameter ({@code FROM unnest(?::text[], ?::bigint[])}),
 * so the statement is prepared once and makes one round trip whatever the number of rows. The services' other SQL
 * goes through Panache or the EntityManager; this is for writes and lookups of thousands of rows at once (a bulk
 * post, a rebuild), where one statement per row would cost a round trip each.
 */
public final class ArrayStatements {

    private ArrayStatements() {
    }

    /** A column: its SQL array element type ({@code text}, {@code bigint}, {@code integer}), and its value in each row. */
    public record Column<T>(String type, Function<T, Object> value) {
    }

    /** Reads one result row. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(ResultSet row) throws SQLException;
    }

    /** Runs a write without RETURNING, whose parameters are the columns in order; returns the rows it changed. */
    public static <T> int execute(EntityManager entityManager, String sql, List<T> rows, List<Column<T>> columns) {
        return execute(entityManager, sql, rows, columns, List.of());
    }

    /** As {@link #execute(EntityManager, String, List, List)}, with values the rows share bound once after the columns (an {@link Instant} as timestamptz). */
    public static <T> int execute(EntityManager entityManager, String sql, List<T> rows, List<Column<T>> columns,
                                  List<Object> shared) {
        if (rows.isEmpty()) {
            return 0;
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, rows, columns, shared)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Runs the statement, whose parameters are the columns in order, in the current transaction; returns what it
     * answers (a query, or a write's RETURNING clause), each row as {@code reader} reads it. No rows: no statement.
     */
    public static <T, R> List<R> run(EntityManager entityManager, String sql, List<T> rows, List<Column<T>> columns,
                                     RowReader<R> reader) {
        return run(entityManager, sql, rows, columns, List.of(), reader);
    }

    /**
     * As {@link #run(EntityManager, String, List, List, RowReader)}, with values the rows share bound once after the
     * columns (a moment, who wrote them), rather than repeated in an array.
     */
    public static <T, R> List<R> run(EntityManager entityManager, String sql, List<T> rows, List<Column<T>> columns,
                                     List<Object> shared, RowReader<R> reader) {
        if (rows.isEmpty()) {
            return new ArrayList<>();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, rows, columns, shared)) {
                List<R> answered = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        answered.add(reader.read(result));
                    }
                }
                return answered;
            }
        });
    }

    private static <T> PreparedStatement prepare(Connection connection, String sql, List<T> rows, List<Column<T>> columns,
                                                 List<Object> shared) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < columns.size(); i++) {
                Column<T> column = columns.get(i);
                statement.setArray(i + 1, connection.createArrayOf(column.type(), rows.stream().map(column.value()).toArray()));
            }
            for (int i = 0; i < shared.size(); i++) {
                // The driver binds no Instant: a moment goes in as its UTC offset date-time (timestamptz).
                Object value = shared.get(i) instanceof Instant moment
                    ? OffsetDateTime.ofInstant(moment, ZoneOffset.UTC) : shared.get(i);
                statement.setObject(columns.size() + i + 1, value);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
