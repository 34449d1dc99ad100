package io.planeval.support.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FormulaTest {

    @Test
    void aRateOfTwoIndicatorsInExactDecimals() {
        Formula rate = Formula.parse("{GI-KPI-A} / {GI-KPI-B} × 100");
        assertThat(rate.inputs()).containsExactly("GI-KPI-A", "GI-KPI-B");
        Formula.Result result = rate.evaluate(Map.of("GI-KPI-A", new BigDecimal("34"), "GI-KPI-B", new BigDecimal("35")), 1);
        assertThat(result.value()).isEqualByComparingTo("97.1");
        assertThat(result.working()).isEqualTo("(34 ÷ 35) × 100 = 97.1");
        assertThat(rate.write(Map.of("GI-KPI-A", new BigDecimal("34")))).isEqualTo("(34 ÷ {GI-KPI-B}) × 100");
        // 0.1 + 0.2 is 0.3 exactly, as decimals are.
        assertThat(Formula.parse("{A} + {B}").evaluate(Map.of("A", new BigDecimal("0.1"), "B", new BigDecimal("0.2")), 6).value())
            .isEqualTo(new BigDecimal("0.300000"));
        // Precedence, parentheses and a negative.
        assertThat(Formula.parse("-({A} - 2) * 3 + 1").evaluate(Map.of("A", new BigDecimal("5")), 0).value()).isEqualByComparingTo("-8");
        // 2 ÷ 3 carried far enough that rounding to six places is right: 0.666667.
        assertThat(Formula.parse("{A} / 3").evaluate(Map.of("A", new BigDecimal("2")), 6).value()).isEqualTo(new BigDecimal("0.666667"));
    }

    @Test
    void aDivisionByZeroHasNoValueAndSaysSo() {
        Formula.Result result = Formula.parse("{A} / {B}").evaluate(Map.of("A", BigDecimal.ONE, "B", BigDecimal.ZERO), 2);
        assertThat(result.value()).isNull();
        assertThat(result.working()).isEqualTo("1 ÷ 0: a divisor is 0, so there is no value");
    }

    @Test
    void whatIsNotAFormulaIsRefusedWithWhereAndWhy() {
        assertThatThrownBy(() -> Formula.parse("{A} / ")).hasMessage("at character 7: ends where a number, {code} or '(' belongs");
        assertThatThrownBy(() -> Formula.parse("({A} + 1")).hasMessageContaining("'(' is not closed");
        assertThatThrownBy(() -> Formula.parse("{A} ^ 2")).hasMessageContaining("unexpected '^'");
        assertThatThrownBy(() -> Formula.parse("{A")).hasMessageContaining("'{' is not closed");
        assertThatThrownBy(() -> Formula.parse("{} + 1")).hasMessageContaining("names no indicator");
        assertThatThrownBy(() -> Formula.parse(" ")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> Formula.parse("1.2.3")).hasMessageContaining("'1.2.3' is not a number");
    }

    @Test
    void aCycleIsFoundAndNamed() {
        Map<String, Set<String>> inputs = Map.of("A", Set.of("B"), "B", Set.of("C"), "C", Set.of("A"), "D", Set.of("E"));
        assertThat(Formula.cycle(inputs, "A")).containsExactly("A", "B", "C", "A");
        assertThat(Formula.cycle(inputs, "D")).isEmpty();
        assertThat(Formula.cycle(Map.of("A", Set.of("A")), "A")).containsExactly("A", "A");
    }
}
