package io.planeval.indicator.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeListsTest {

    @Test
    void gunmasThirtyFiveMunicipalitiesAreShippedEachWithItsCheckDigit() {
        var municipalities = CodeLists.builtIn(CodeLists.MUNICIPALITY).orElseThrow().members();
        assertThat(municipalities).hasSize(35).containsEntry("102016", "前橋市").containsEntry("103667", "上野村")
            .containsEntry("105252", "邑楽町");
        assertThat(municipalities.keySet()).allSatisfy(code -> assertThat(CodeLists.hasCheckDigit(code)).as(code).isTrue());
    }

    @Test
    void theCheckDigitIsTheStandardsOwn() {
        assertThat(CodeLists.hasCheckDigit("131016")).isTrue(); // 千代田区
        assertThat(CodeLists.hasCheckDigit("011002")).isTrue(); // 札幌市
        assertThat(CodeLists.hasCheckDigit("102017")).isFalse();
        assertThat(CodeLists.hasCheckDigit("10201")).isFalse();
    }

    @Test
    void theSdmxListsHaveTheirCodes() {
        assertThat(CodeLists.builtIn(CodeLists.SEX).orElseThrow().members()).containsKeys("F", "M", "_O", "_U");
        assertThat(CodeLists.builtIn(CodeLists.AGE).orElseThrow().members()).containsKeys("Y_LT15", "Y15T64", "Y_GE65", "Y0T4", "Y_GE85");
        assertThat(CodeLists.builtIn("office")).isEmpty();
    }
}
