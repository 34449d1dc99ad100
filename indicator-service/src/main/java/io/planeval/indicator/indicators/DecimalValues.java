package io.planeval.indicator.indicators;

import java.math.BigDecimal;
import java.util.List;

import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;

/** Measured and target values: exact decimals that fit {@code numeric(20, 6)}, kept in one canonical form. */
public final class DecimalValues {

    public static final int MAX_INTEGER_DIGITS = 14;
    public static final int MAX_FRACTION_DIGITS = 6;

    private DecimalValues() {
    }

    /**
     * Adds a violation when the value does not fit the column; a value that fits is never rounded. Measured from
     * precision and scale, so that a value such as 1E+10000000 is never written out.
     */
    public static void check(List<Violation> violations, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_FRACTION_DIGITS) {
            violations.add(new Violation(field, Text.excerpt(value.toString()) + " has more than " + MAX_FRACTION_DIGITS
                + " decimal places; it would not be stored exactly"));
        } else if ((long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            violations.add(new Violation(field, Text.excerpt(value.toString()) + " has more than " + MAX_INTEGER_DIGITS
                + " digits before the decimal point"));
        }
    }
}
