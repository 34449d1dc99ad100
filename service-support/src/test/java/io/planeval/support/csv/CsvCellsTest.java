package io.planeval.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void textIsQuotedOnlyWhenRfc4180AsksAndFormulasAreDisarmed() {
        assertThat(CsvCells.text("職員負担軽減時間")).isEqualTo("職員負担軽減時間");
        assertThat(CsvCells.text("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvCells.text("増額\"確保\"")).isEqualTo("\"増額\"\"確保\"\"\"");
        assertThat(CsvCells.text("一行目\r\n二行目")).isEqualTo("\"一行目\r\n二行目\"");
        assertThat(CsvCells.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCells.text("-25.5")).isEqualTo("\"'-25.5\"");
        assertThat(CsvCells.text("")).isEmpty();
        assertThat(CsvCells.text(null)).isEmpty();
    }

    @Test
    void numbersAreWrittenExactlyAndNeverDisarmed() {
        assertThat(CsvCells.number(new BigDecimal("-25.500000"))).isEqualTo("-25.5");
        assertThat(CsvCells.number(new BigDecimal("4E+4"))).isEqualTo("40000");
        assertThat(CsvCells.number(null)).isEmpty();
    }
}
