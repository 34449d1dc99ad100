package io.planeval.support.http;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.planeval.contracts.Vocabulary;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;

/**
 * Query parameters read strictly, so that an unreadable one is a 400 naming it (JAX-RS would answer 404), and the
 * paging every list shares: {@code limit} and an opaque {@code cursor} from the previous page.
 */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");
    private static final String SEPARATOR = "\n";
    private static final int CHECK_BYTES = 4;

    private QueryParams() {
    }

    /** A whole number, or null when the parameter is absent or empty. */
    public static Integer wholeNumber(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw ProblemException.invalid(name, "'" + Text.excerpt(value) + "' is not a whole number");
        }
        return Integer.valueOf(value);
    }

    /** A fiscal year from {@value FiscalYears#EARLIEST} to {@value FiscalYears#LATEST}, or null when absent. */
    public static Integer fiscalYear(String value) {
        Integer year = wholeNumber("fiscalYear", value);
        if (year != null && !FiscalYears.accepted(year)) {
            throw ProblemException.invalid("fiscalYear", FiscalYears.yearFault(year));
        }
        return year;
    }

    /** true or false; absent means {@code absent}. */
    public static boolean flag(String name, String value, boolean absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false, not '" + Text.excerpt(value) + "'");
        };
    }

    /** A word of the vocabulary ({@code not_achieved}), or null when absent. */
    public static <E extends Enum<E>> E word(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return Vocabulary.parse(type, value).orElseThrow(() -> ProblemException.invalid(name,
            "must be one of " + String.join(", ", Vocabulary.words(type)) + ", not '" + Text.excerpt(value) + "'"));
    }

    /**
     * An instant, or a date meaning the end of that day in Japan; cut to the microseconds revisions are recorded in,
     * never rounded up, so a moment just before a revision never includes it.
     */
    public static Instant moment(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant moment;
        try {
            moment = value.length() == 10
                ? FiscalYears.date(value).plusDays(1).atStartOfDay(Moments.JAPAN).toInstant().minusNanos(1)
                : Instant.parse(value);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw ProblemException.invalid(field, "'" + Text.excerpt(value) + "' is not an instant (2025-07-17T06:00:00Z) "
                + "or a date (2025-07-17)");
        }
        if (!FiscalYears.accepted(moment.atZone(Moments.JAPAN).getYear())) {
            throw ProblemException.invalid(field, value + " is not a moment from " + FiscalYears.EARLIEST + " to " + FiscalYears.LATEST);
        }
        return Moments.truncate(moment);
    }

    /** How many items a page has: {@value #DEFAULT_LIMIT} unless asked, at most {@value #MAX_LIMIT}. */
    public static int limit(String value) {
        Integer limit = wholeNumber("limit", value);
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    /**
     * The cursor of the page after the item with these sort keys: the keys and the first bytes of their SHA-256, so that
     * a cursor altered or made up by hand is refused rather than read as some other position.
     */
    public static String cursor(String... keys) {
        byte[] text = String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8);
        byte[] cursor = Arrays.copyOf(text, text.length + CHECK_BYTES);
        System.arraycopy(check(text), 0, cursor, text.length, CHECK_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
    }

    /** The sort keys a cursor holds ({@code parts} of them), or null when there is none. */
    public static List<String> cursorKeys(String cursor, int parts) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length >= CHECK_BYTES) {
                byte[] text = Arrays.copyOf(bytes, bytes.length - CHECK_BYTES);
                byte[] check = Arrays.copyOfRange(bytes, text.length, bytes.length);
                List<String> keys = List.of(Text.decodeUtf8(text).split(SEPARATOR, -1));
                if (MessageDigest.isEqual(check, Arrays.copyOf(check(text), CHECK_BYTES)) && keys.size() == parts
                    && keys.stream().allMatch(key -> Text.fault(key) == null)) {
                    return keys;
                }
            }
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // refused below
        }
        throw invalidCursor();
    }

    private static byte[] check(byte[] text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** For a cursor whose keys are not what the list gave out. */
    public static ProblemException invalidCursor() {
        return ProblemException.invalid("cursor", "is not a cursor this list gave out: pass nextCursor from the previous page as it is");
    }
}
