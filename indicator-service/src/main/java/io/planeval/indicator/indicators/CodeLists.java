package io.planeval.indicator.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The code lists planeval ships (resources {@code codelists/}, sources in its SOURCE.md): Gunma's municipalities by
 * 全国地方公共団体コード, and SDMX's CL_SEX and CL_AGE. Read once, through Jackson CSV.
 */
public final class CodeLists {

    public static final String MUNICIPALITY = "municipality";
    public static final String SEX = "sex";
    public static final String AGE = "age";

    /** A shipped list: its name and its members by code, in the file's order. */
    public record CodeList(String code, String name, Map<String, String> members, boolean wholeByDefault) {
    }

    private static final Map<String, CodeList> LISTS = Map.of(
        MUNICIPALITY, read(MUNICIPALITY, "市町村", true),
        SEX, read(SEX, "性別", false),
        AGE, read(AGE, "年齢", false));

    private CodeLists() {
    }

    public static Optional<CodeList> builtIn(String code) {
        return Optional.ofNullable(LISTS.get(code));
    }

    /**
     * Whether a six-digit 全国地方公共団体コード carries its check digit: the five digits weighted 6, 5, 4, 3, 2, and
     * 11 − (the sum mod 11), its last digit.
     */
    public static boolean hasCheckDigit(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (code.charAt(i) - '0') * (6 - i);
        }
        return code.charAt(5) - '0' == (11 - sum % 11) % 10;
    }

    private static CodeList read(String code, String name, boolean wholeByDefault) {
        Map<String, String> members = new LinkedHashMap<>();
        try (InputStream in = CodeLists.class.getClassLoader().getResourceAsStream("codelists/" + code + ".csv");
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                 .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            List<Map<String, String>> all = new ArrayList<>(rows.readAll());
            all.forEach(row -> members.put(row.get("code"), row.get("name")));
        } catch (IOException e) {
            throw new UncheckedIOException("code list " + code + " is unreadable", e);
        }
        return new CodeList(code, name, Collections.unmodifiableMap(members), wholeByDefault);
    }
}
