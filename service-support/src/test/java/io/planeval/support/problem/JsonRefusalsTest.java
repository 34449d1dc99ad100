package io.planeval.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.support.json.StrictJson;

/** Lenient JSON is refused, and every refusal names the field and the reason in the API's words. */
class JsonRefusalsTest {

    record Sample(String name, Integer year, BigDecimal value, LocalDate date, List<String> tags, List<Inner> inner) {
    }

    record Inner(Integer position) {
    }

    static final ObjectMapper JSON = mapper();

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }

    static Violation refusal(String json) {
        return refusal(json.getBytes(StandardCharsets.UTF_8));
    }

    static Violation refusal(byte[] json) {
        try {
            JSON.readValue(json, Sample.class);
        } catch (JsonProcessingException e) {
            Problem problem = ProblemMappers.jsonProblem(e);
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.violations()).hasSize(1);
            Violation violation = problem.violations().get(0);
            assertThat(violation.reason()).as("no Java names").doesNotContain("java.", "io.planeval", "`", "Integer", "BigDecimal");
            return violation;
        } catch (Exception e) {
            throw new AssertionError("expected a JSON refusal, got " + e, e);
        }
        throw new AssertionError("accepted: " + new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void acceptsWhatIsWrittenInItsOwnType() throws Exception {
        Sample sample = JSON.readValue("""
            {"name": "マイナンバーカード交付率\\t(％)\\n", "year": 2024, "value": 78.4, "date": "2025-03-31", "tags": ["😀"],
             "inner": [{"position": 2147483647}]}""", Sample.class);
        assertThat(sample.name()).isEqualTo("マイナンバーカード交付率\t(％)\n");
        assertThat(sample.value()).isEqualByComparingTo("78.4");
        assertThat(sample.date()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(sample.tags()).containsExactly("😀");
    }

    @Test
    void refusesValuesOfAnotherType() {
        assertThat(refusal("{\"year\": \"2025\"}")).isEqualTo(new Violation("year", "must be a whole number, not a string"));
        assertThat(refusal("{\"year\": 2025.5}")).isEqualTo(new Violation("year", "must be a whole number, not a number with a fraction"));
        assertThat(refusal("{\"year\": 2025.0}").reason()).startsWith("must be a whole number");
        assertThat(refusal("{\"name\": 12}")).isEqualTo(new Violation("name", "must be a string, not a whole number"));
        assertThat(refusal("{\"value\": \"1\"}")).isEqualTo(new Violation("value", "must be a number, not a string"));
        assertThat(refusal("{\"date\": 20250331}")).isEqualTo(new Violation("date", "must be a date written as 2025-03-31, not a whole number"));
        assertThat(refusal("{\"tags\": [true]}")).isEqualTo(new Violation("tags[0]", "must be a string, not true or false"));
        assertThat(refusal("{\"tags\": \"a\"}")).isEqualTo(new Violation("tags", "must be an array"));
        assertThat(refusal("{\"inner\": [7]}").field()).isEqualTo("inner[0]");
        assertThat(refusal("{\"inner\": [{\"position\": 99999999999}]}"))
            .isEqualTo(new Violation("inner[0].position", "must be a whole number from -2147483648 to 2147483647, not 99999999999"));
    }

    @Test
    void refusesDatesOutsideTheCalendarAndTheYearsAccepted() {
        assertThat(refusal("{\"date\": \"0000-01-01\"}")).isEqualTo(new Violation("date", "0000-01-01 is not a date from 1900 to 2200"));
        assertThat(refusal("{\"date\": \"2025-02-30\"}")).isEqualTo(new Violation("date", "'2025-02-30' is not a date written as 2025-03-31"));
        assertThat(refusal("{\"date\": \"2025-3-31\"}").reason()).contains("is not a date");
    }

    @Test
    void refusesTextThatIsNotCleanUnicode() {
        assertThat(refusal("{\"name\": \"a\\u0000b\"}")).isEqualTo(new Violation("name",
            "has the control character U+0000 at position 2: only tab and line breaks may appear in text"));
        assertThat(refusal("{\"tags\": [\"\\u001b[31m\"]}").reason()).contains("U+001B");
        assertThat(refusal("{\"name\": \"\\ud800x\"}")).isEqualTo(new Violation("name",
            "has an unpaired surrogate U+D800 at position 1: it is not Unicode text"));
        // An overlong encoding of NUL, and a byte that starts no UTF-8 sequence: refused before parsing.
        byte[] overlong = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
        assertThat(refusal(overlong)).isEqualTo(new Violation("body", "the body is not UTF-8: the bytes at offset 9 are not UTF-8"));
        byte[] stray = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'};
        assertThat(refusal(stray).reason()).startsWith("the body is not UTF-8");
    }

    @Test
    void refusesJsonInUtf16Or32WithoutAByteOrderMark() {
        String json = "{\"name\": \"群馬\"}";
        for (String encoding : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            assertThat(refusal(json.getBytes(java.nio.charset.Charset.forName(encoding)))).as(encoding)
                .satisfies(v -> assertThat(v.reason()).startsWith("the body is not UTF-8: it has a NUL byte at offset"));
        }
    }

    @Test
    void refusesTheLenienciesOfJavascript() {
        assertThat(refusal("{\"name\": \"a\"} {\"name\": \"b\"}")).isEqualTo(new Violation("body", "the JSON document must end after its first value"));
        assertThat(refusal("{\"name\": \"a\"}x").field()).isEqualTo("body");
        assertThat(refusal("{\"name\": \"a\", \"name\": \"b\"}").reason()).startsWith("Duplicate field 'name'");
        assertThat(refusal("{\"name\": 'a'}").reason()).contains("at line 1, column");
        assertThat(refusal("{\"unknown\": 1}")).isEqualTo(new Violation("unknown", "is not a field here (fields: date, inner, name, tags, value, year)"));
        assertThat(refusal("[1]")).isEqualTo(new Violation("body", "must be an object"));
    }

    @Test
    void refusesHugeNumbersWithoutWritingThemOut() {
        Violation huge = refusal("{\"value\": 1e10000000}");
        assertThat(huge.field()).isEqualTo("value");
        assertThat(huge.reason()).isEqualTo("1e10000000 is beyond the numbers accepted (at most 100 digits before and after the point)");
        assertThat(refusal("{\"value\": 1e-10000000}").field()).isEqualTo("value");
        assertThat(refusal("{\"value\": " + "9".repeat(5000) + "}").reason()).hasSizeLessThan(300);
        assertThat(refusal("[".repeat(1000) + "]".repeat(1000)).reason()).hasSizeLessThan(300);
    }

    @Test
    void numbersAreWrittenPlainly() throws Exception {
        assertThat(JSON.writeValueAsString(new BigDecimal("4E+4"))).isEqualTo("40000");
        assertThat(JSON.writeValueAsString(new BigDecimal("0E-10"))).isEqualTo("0.0000000000");
    }
}
