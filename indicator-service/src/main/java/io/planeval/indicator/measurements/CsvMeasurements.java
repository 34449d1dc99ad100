package io.planeval.indicator.measurements;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.members.MemberKeys;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;

/**
 * Bulk measurements as CSV, the way Excel saves it: UTF-8 with or without a byte-order mark, a header row of
 * field names, RFC 4180 quoting, CRLF or LF. Cells are read as written: no thousands separators, no rounding.
 */
public final class CsvMeasurements {

    static final List<String> COLUMNS = List.of("planCode", "indicatorCode", "fiscalYear", "quarter", "month", "value",
        "outcome", "status", "expectedDate", "describesDate", "sourceSystem", "note",
        "correctionReason", "members");
    static final Set<String> REQUIRED = Set.of("planCode", "indicatorCode", "fiscalYear", "status");
    static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");
    static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,100}(\\.[0-9]{1,100})?");

    /** The rows, and for each the line of the file it came from (the header is line 1). */
    public record Parsed(List<MeasurementService.Row> rows, List<Integer> lines) {
    }

    /** Each row as its cells (a blank line is a row of one empty cell, so rows keep their numbers). */
    private static final ObjectReader CSV = new CsvMapper()
        .enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerForListOf(String.class);

    private CsvMeasurements() {
    }

    public static Parsed parse(byte[] body) {
        List<List<String>> records = records(decode(body));
        if (records.isEmpty()) {
            throw ProblemException.invalid("body", "the CSV is empty: a header row of " + String.join(",", COLUMNS) + " is required");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        Map<String, Integer> column = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!COLUMNS.contains(header.get(i))) {
                violations.add(new Violation("line 1", "column " + (i + 1) + " '" + Text.excerpt(header.get(i)) + "' is not one of "
                    + String.join(",", COLUMNS)));
            } else if (column.putIfAbsent(header.get(i), i) != null) {
                violations.add(new Violation("line 1", "column '" + header.get(i) + "' appears twice"));
            }
        }
        REQUIRED.stream().filter(name -> !column.containsKey(name)).sorted()
            .forEach(name -> violations.add(new Violation("line 1", "the required column '" + name + "' is missing")));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<MeasurementService.Row> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            String at = "line " + (r + 1) + ": ";
            if (cells.size() > header.size()) {
                violations.add(new Violation("line " + (r + 1), cells.size() + " cells for " + header.size() + " columns"));
                continue;
            }
            Cells row = new Cells(cells, column, at, violations);
            rows.add(new MeasurementService.Row(row.text("planCode"), row.text("indicatorCode"), new MeasurementInput(
                null, null, row.integer("fiscalYear"), row.integer("quarter"), row.integer("month"), row.decimal("value"),
                row.word("outcome", Outcome.class), row.word("status", MeasurementStatus.class), row.date("expectedDate"), row.date("describesDate"),
                row.text("sourceSystem"), row.text("note"), row.text("correctionReason"), row.members("members"))));
            lines.add(r + 1);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "the CSV has a header but no rows");
        }
        return new Parsed(rows, lines);
    }

    private static String decode(byte[] body) {
        try {
            String text = Text.decodeUtf8(body);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "the CSV is not UTF-8 (save it from Excel as 'CSV UTF-8'): " + e.getMessage());
        }
    }

    /** RFC 4180 (Jackson's CSV reader): fields split on commas, quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> rows = CSV.readValues(text)) {
            while (rows.hasNextValue()) {
                records.add(rows.nextValue());
            }
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException located && located.getLocation() != null
                ? " (line " + located.getLocation().getLineNr() + ")" : "";
            String reason = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            throw ProblemException.invalid("body", "the CSV cannot be read" + where + ": " + reason);
        }
        return records;
    }

    /** One data row's cells by column name; an unreadable cell adds a violation and reads as null. */
    private record Cells(List<String> cells, Map<String, Integer> column, String at, List<Violation> violations) {

        String text(String name) {
            Integer index = column.get(name);
            if (index == null || index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).trim();
            if (value.isEmpty()) {
                return null;
            }
            String fault = Text.fault(value);
            if (fault != null) {
                violations.add(new Violation(at + name, fault));
                return null;
            }
            return value;
        }

        /** Written as digits, as Excel writes them: no sign but '-', no exponent, no full-width digits. */
        Integer integer(String name) {
            return parsed(name, value -> {
                if (!WHOLE_NUMBER.matcher(value).matches()) {
                    throw new IllegalArgumentException("'" + Text.excerpt(value) + "' is not a whole number");
                }
                return Integer.valueOf(value);
            });
        }

        BigDecimal decimal(String name) {
            return parsed(name, value -> {
                if (!DECIMAL.matcher(value).matches()) {
                    throw new IllegalArgumentException("'" + Text.excerpt(value)
                        + "' is not a number (write 12345.6: no thousands separators, exponents, units or %)");
                }
                return new BigDecimal(value);
            });
        }

        /** A figure's members as {@code dimension=member} pairs joined by ';' (municipality=102016;sex=F). */
        Map<String, String> members(String name) {
            return parsed(name, value -> {
                try {
                    return MemberKeys.members(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + Text.excerpt(value) + "' " + e.getMessage());
                }
            });
        }

        LocalDate date(String name) {
            return parsed(name, FiscalYears::date);
        }

        <E extends Enum<E>> E word(String name, Class<E> type) {
            return parsed(name, value -> Vocabulary.parse(type, value).orElseThrow(() -> new IllegalArgumentException(
                "'" + Text.excerpt(value) + "' is not one of " + String.join(", ", Vocabulary.words(type)))));
        }

        /** The cell read by {@code parse}, which says why it cannot with an IllegalArgumentException. */
        private <T> T parsed(String name, Function<String, T> parse) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(at + name, e.getMessage()));
                return null;
            }
        }
    }
}
