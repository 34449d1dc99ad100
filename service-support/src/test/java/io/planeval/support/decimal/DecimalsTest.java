package io.planeval.support.decimal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void equalValuesBecomeOneValueWrittenPlainly() {
        assertThat(Decimals.canonical(new BigDecimal("40000.000000"))).isEqualTo(new BigDecimal("40000"));
        assertThat(Decimals.canonical(new BigDecimal("4E+4"))).isEqualTo(new BigDecimal("40000"));
        assertThat(Decimals.plain(new BigDecimal("4E+4"))).isEqualTo("40000");
        assertThat(Decimals.plain(new BigDecimal("0.000031000"))).isEqualTo("0.000031");
        assertThat(Decimals.plain(new BigDecimal("-99999999999999.999999"))).isEqualTo("-99999999999999.999999");
        assertThat(Decimals.plain(BigDecimal.ZERO.setScale(6))).isEqualTo("0");
        assertThat(Decimals.canonical(null)).isNull();
        assertThat(Decimals.plain(null)).isNull();
    }
}
