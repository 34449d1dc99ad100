package io.planeval.evaluation.report;

import java.math.BigDecimal;

import io.planeval.support.decimal.Decimals;

/**
 * A figure as people read it, in the pack and on the dashboard alike: the exact value with its thousands grouped
 * (1,000,000; decimals kept as they are) and its unit, joined as Japanese writes it (97.1％, 75,608時間/年), with a
 * space only before a unit written in Latin letters (12 km).
 */
public final class FigureText {

    private FigureText() {
    }

    /** The value without trailing zeros, thousands grouped with commas; null stays empty. */
    public static String grouped(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String plain = Decimals.plain(value);
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + grouped + (point < 0 ? "" : digits.substring(point));
    }

    /** The value grouped, with its unit. */
    public static String withUnit(BigDecimal value, String unit) {
        if (unit == null || unit.isBlank()) {
            return grouped(value);
        }
        char first = unit.charAt(0);
        boolean latin = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
        return grouped(value) + (latin ? " " : "") + unit;
    }
}
