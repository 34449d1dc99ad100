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

    /** The members a key names, in dimension order (empty for the whole). */
    public static SortedMap<String, String> members(String key) {
        SortedMap<String, String> members = new TreeMap<>();
        if (key == null || key.isEmpty()) {
            return members;
        }
        for (String pair : key.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + key + "' is not a member key (dimension=member;…)");
            }
            members.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return members;
    }
}
