package io.planeval.support.fiscal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import io.planeval.support.text.Text;

/**
 * Japanese fiscal years (April to March) named by their Gregorian start year, e.g. 2024 = 令和6年度, and the span of
 * years planeval accepts for fiscal years and dates alike.
 */
public final class FiscalYears {

    public static final int EARLIEST = 1900;
    public static final int LATEST = 2200;
    private static final int REIWA_FIRST = 2019;
    private static final int HEISEI_FIRST = 1989;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private FiscalYears() {
    }

    /** The fiscal year (April to March) a day falls in: 2025-03-31 is in 2024, 2025-04-01 in 2025. */
    public static int of(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /** The era label as printed in Japanese plans: 2019 → 令和元年度, 2024 → 令和6年度, 2018 → 平成30年度. */
    public static String label(int fiscalYear) {
        if (fiscalYear >= REIWA_FIRST) {
            return era("令和", fiscalYear - REIWA_FIRST + 1);
        }
        if (fiscalYear >= HEISEI_FIRST) {
            return era("平成", fiscalYear - HEISEI_FIRST + 1);
        }
        return fiscalYear + "年度";
    }

    public static boolean accepted(int year) {
        return year >= EARLIEST && year <= LATEST;
    }

    /** Why a fiscal year is not accepted, or null. */
    public static String yearFault(int year) {
        return accepted(year) ? null : year + " is not a fiscal year from " + EARLIEST + " to " + LATEST;
    }

    /**
     * A calendar date written as 2025-03-31, in the years accepted.
     *
     * @throws IllegalArgumentException saying why it is not one
     */
    public static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + Text.excerpt(text) + "' is not a date written as 2025-03-31");
        }
        if (!accepted(date.getYear())) {
            throw new IllegalArgumentException(text + " is not a date from " + EARLIEST + " to " + LATEST);
        }
        return date;
    }

    private static String era(String name, int year) {
        return name + (year == 1 ? "元" : Integer.toString(year)) + "年度";
    }
}
