package io.planeval.indicator.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;

/** The CSV a department saves from Excel, read without a server. */
class CsvMeasurementsTest {

    private static final String HEADER = "planCode,indicatorCode,fiscalYear,value,outcome,status,note\r\n";

    private static CsvMeasurements.Parsed parse(String csv) {
        return CsvMeasurements.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Violation> refused(String csv) {
        try {
            parse(csv);
        } catch (ProblemException e) {
            return e.problem().violations();
        }
        throw new AssertionError("accepted: " + csv);
    }

    @Test
    void readsExcelsCsvWithItsByteOrderMarkAndCrLf() {
        CsvMeasurements.Parsed parsed = parse("\uFEFF" + HEADER + "gunma-r2-r6,KGI3,2024,75608,,final,R6実績\r\n"
            + "gunma-r2-r6,KGI5,2024,,achieved,final,\r\n");
        assertThat(parsed.rows()).hasSize(2);
        MeasurementInput first = parsed.rows().get(0).input();
        assertThat(first.value()).isEqualByComparingTo(new BigDecimal("75608"));
        assertThat(first.status()).isEqualTo(MeasurementStatus.FINAL);
        assertThat(first.note()).isEqualTo("R6実績");
        assertThat(parsed.rows().get(1).input().outcome()).isEqualTo(Outcome.ACHIEVED);
        assertThat(parsed.lines()).containsExactly(2, 3);
    }

    @Test
    void aQuotedCellHoldsCommasDoubledQuotesAndLineBreaks() {
        CsvMeasurements.Parsed parsed = parse(HEADER
            + "gunma-r2-r6,KGI3,2024,1,,final,\"前年比, 増加 \"\"速報\"\"\r\n（確定は9月）\"\n");
        assertThat(parsed.rows()).singleElement().satisfies(row ->
            assertThat(row.input().note()).isEqualTo("前年比, 増加 \"速報\"\r\n（確定は9月）"));
    }

    @Test
    void aBlankRowIsSkippedAndTheRowsAfterItKeepTheirNumbers() {
        CsvMeasurements.Parsed parsed = parse(HEADER + "\r\n" + "gunma-r2-r6,KGI3,2024,1,,final,\r\n");
        assertThat(parsed.lines()).containsExactly(3);
        assertThat(refused(HEADER + "\r\n" + "gunma-r2-r6,KGI3,2024,1,,done,\r\n"))
            .extracting(Violation::field, Violation::reason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("line 3: status", "'done' is not one of preliminary, final, being_tallied"));
    }

    @Test
    void aQuoteThatIsNeverClosedIsRefusedAsTheBody() {
        assertThat(refused(HEADER + "gunma-r2-r6,KGI3,2024,1,,final,\"never closed\r\n"))
            .singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("body");
                assertThat(v.reason()).startsWith("the CSV cannot be read (line ").containsIgnoringCase("quote");
            });
    }

    @Test
    void everyCellThatCannotBeReadIsNamedByRowAndColumn() {
        List<Violation> violations = refused(HEADER + "gunma-r2-r6,KGI3,２０２４,1.2.3,maybe,final,\r\n");
        assertThat(violations).extracting(Violation::field)
            .containsExactlyInAnyOrder("line 2: fiscalYear", "line 2: value", "line 2: outcome");
    }

    @Test
    void theHeaderMustNameKnownColumnsOnceAndTheRequiredOnes() {
        assertThat(refused("planCode,indicatorCode,fiscalYear,colour\r\n")).extracting(Violation::reason)
            .anySatisfy(reason -> assertThat(reason).startsWith("column 4 'colour' is not one of"))
            .anySatisfy(reason -> assertThat(reason).contains("status"));
        assertThatThrownBy(() -> parse("")).isInstanceOf(ProblemException.class).hasMessageContaining("the CSV is empty");
        assertThatThrownBy(() -> parse(HEADER)).isInstanceOf(ProblemException.class).hasMessageContaining("no rows");
    }
}
