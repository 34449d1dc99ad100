package io.planeval.support.csv;

import java.math.BigDecimal;

import io.planeval.support.decimal.Decimals;

/**
 * The cells of the CSV files the services write (the committee's table, open data). Hand-written rather than Jackson's
 * CSV writer because of the formula guard below, which no CSV library applies, and because an exact decimal must be
 * written as it is, never through a double.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A number as a plain decimal, no exponent and no trailing zeros; empty for none. */
    public static String number(BigDecimal value) {
        return value == null ? "" : Decimals.plain(value);
    }

    /**
     * A text cell, RFC 4180: quoted when it holds a comma, quote or line break. One that a spreadsheet would run as a
     * formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe and quoted, as the
     * OWASP guidance on CSV injection says. Numbers are written by {@link #number} and never changed.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        String text = formula ? "'" + value : value;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
