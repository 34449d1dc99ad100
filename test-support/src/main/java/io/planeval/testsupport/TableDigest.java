package io.planeval.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * What some tables hold, as one string of per-table digests: equal before and after a request means the request
 * stored nothing and changed nothing there. A table is named alone, or with the columns that count
 * ({@code outbox_event(seq, event_id)} leaves out what the relay later marks).
 */
public final class TableDigest {

    private TableDigest() {
    }

    public static Supplier<String> of(DataSource dataSource, String... tables) {
        List<String> queries = new ArrayList<>();
        for (String table : tables) {
            int open = table.indexOf('(');
            String name = open < 0 ? table : table.substring(0, open).trim();
            String row = open < 0 ? "t::text" : "(" + table.substring(open + 1, table.lastIndexOf(')')) + ")::text";
            queries.add("SELECT '" + name + ":' || count(*) || ':' || md5(coalesce(string_agg(" + row + ", '|' ORDER BY " + row
                + "), '')) FROM " + name + " t");
        }
        return () -> {
            StringBuilder digest = new StringBuilder();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String query : queries) {
                    try (ResultSet result = statement.executeQuery(query)) {
                        result.next();
                        digest.append(result.getString(1)).append('\n');
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return digest.toString();
        };
    }
}
