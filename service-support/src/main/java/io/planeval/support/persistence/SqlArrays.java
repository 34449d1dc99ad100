package io.planeval.support.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL array columns of a native query's row, as the driver hands them over (a Java array or a java.sql.Array). */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** A text[] column. */
    public static List<String> texts(Object column) {
        List<String> texts = new ArrayList<>();
        for (Object value : elements(column)) {
            texts.add((String) value);
        }
        return List.copyOf(texts);
    }

    /** An integer[] column. */
    public static List<Integer> integers(Object column) {
        List<Integer> integers = new ArrayList<>();
        for (Object value : elements(column)) {
            integers.add(((Number) value).intValue());
        }
        return List.copyOf(integers);
    }

    private static Object[] elements(Object column) {
        try {
            return column instanceof Object[] array ? array : (Object[]) ((Array) column).getArray();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read an array column", e);
        }
    }
}
