package io.planeval.support.fiscal;

/**
 * Japanese fiscal years (April to March) named by their Gregorian start year, e.g. 2024 = 令和6年度.
 */
public final class FiscalYears {

    private static final int REIWA_FIRST = 2019;
    private static final int HEISEI_FIRST = 1989;

    private FiscalYears() {
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

    private static String era(String name, int year) {
        return name + (year == 1 ? "元" : Integer.toString(year)) + "年度";
    }
}
