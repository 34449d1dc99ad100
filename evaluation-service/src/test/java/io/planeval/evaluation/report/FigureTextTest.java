package io.planeval.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class FigureTextTest {

    @Test
    void thousandsAreGroupedAndDecimalsKeptExactly() {
        assertThat(FigureText.grouped(new BigDecimal("1000000"))).isEqualTo("1,000,000");
        assertThat(FigureText.grouped(new BigDecimal("75608.000000"))).isEqualTo("75,608");
        assertThat(FigureText.grouped(new BigDecimal("-1234567.891"))).isEqualTo("-1,234,567.891");
        assertThat(FigureText.grouped(new BigDecimal("0"))).isEqualTo("0");
        assertThat(FigureText.grouped(new BigDecimal("999.5"))).isEqualTo("999.5");
        assertThat(FigureText.grouped(new BigDecimal("0.000031"))).isEqualTo("0.000031");
        assertThat(FigureText.grouped(null)).isEmpty();
    }

    @Test
    void aUnitIsJoinedAsJapaneseWritesIt() {
        assertThat(FigureText.withUnit(new BigDecimal("97.1"), "％")).isEqualTo("97.1％");
        assertThat(FigureText.withUnit(new BigDecimal("1000000"), "時間/年")).isEqualTo("1,000,000時間/年");
        assertThat(FigureText.withUnit(BigDecimal.ZERO, "件")).isEqualTo("0件");
        assertThat(FigureText.withUnit(new BigDecimal("12"), "km")).isEqualTo("12 km");
        assertThat(FigureText.withUnit(new BigDecimal("12"), null)).isEqualTo("12");
    }
}
