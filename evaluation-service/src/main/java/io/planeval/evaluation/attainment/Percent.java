package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rates in percent. Stored and computed to {@value #SCALE} decimal places (half-even: the only rounding before
 * display); shown rounded half-up (四捨五入) the way the committee prints them: KPI achievement rates as whole
 * percent (63%), attainment to one decimal with a trailing .0 dropped (73.9%, 189%).
 */
public final class Percent {

    public static final int SCALE = 10;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** numerator ÷ denominator × 100, or null when the denominator is 0. */
    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(HUNDRED).divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    }

    /** 63.1578947368 → "63%". */
    public static String whole(BigDecimal percent) {
        return percent == null ? null : percent.setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 73.8999 → "73.9%", 189.02 → "189%", 24.231 → "24.2%". */
    public static String oneDecimal(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        BigDecimal rounded = percent.setScale(1, RoundingMode.HALF_UP);
        BigDecimal shown = rounded.stripTrailingZeros();
        return (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString() + "%";
    }

    /** For formulas: two decimals, 189.02%. */
    static String twoDecimals(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
