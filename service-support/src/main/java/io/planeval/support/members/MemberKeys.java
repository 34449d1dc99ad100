package io.planeval.support.members;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The members a figure of a broken-down indicator is for, as one text column: {@code dimension=member} pairs in
 * dimension order joined by {@code ;} ({@code municipality=102016;sex=F}), and the empty text for the indicator's own
 * figure. One text both services index and compare; codes never hold '=' or ';' (they are checked as codes first).
 */
public final class MemberKeys {

    /** The key of the indicator's own figure (its whole). */
    public static final String WHOLE = "";

    private MemberKeys() {
    }

    public static String key(Map<String, String> members) {
        if (members == null || members.isEmpty()) {
            return WHOLE;
        }
        return new TreeMap<>(members).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    /**
     * The members a key names, in dimension order (empty for the whole); also how people write them, in a CSV cell or
     * a workbook's member column (spaces around the parts are dropped). An IllegalArgumentException says what is not
     * {@code dimension=member} pairs, each dimension once.
     */
    public static SortedMap<String, String> members(String key) {
        SortedMap<String, String> members = new TreeMap<>();
        if (key == null || key.isEmpty()) {
            return members;
        }
        for (String pair : key.split(";")) {
            int eq = pair.indexOf('=');
            String dimension = eq < 0 ? "" : pair.substring(0, eq).trim();
            String member = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (dimension.isEmpty() || member.isEmpty() || members.put(dimension, member) != null) {
                throw new IllegalArgumentException("is not dimension=member pairs joined by ';', each dimension once "
                    + "(e.g. municipality=102016)");
            }
        }
        return members;
    }
}
