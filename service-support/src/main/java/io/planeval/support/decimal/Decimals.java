package io.planeval.support.decimal;

import java.math.BigDecimal;

/** Exact decimals as the services store, compare and print them. */
public final class Decimals {

    private Decimals() {
    }

    /** 40000.000000 (as stored) and 4E+4 both become 40000, so equal values compare equal and print plainly. */
    public static BigDecimal canonical(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The canonical value written out without an exponent ({@code 40000}, {@code 0.000031}); null stays null. */
    public static String plain(BigDecimal value) {
        return value == null ? null : canonical(value).toPlainString();
    }
}
