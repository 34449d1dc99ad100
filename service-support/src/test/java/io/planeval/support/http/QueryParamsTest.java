package io.planeval.support.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.support.problem.ProblemException;

class QueryParamsTest {

    @Test
    void aCursorGivesBackItsKeysJapaneseIncluded() {
        String cursor = QueryParams.cursor("2025-07-17T00:00:00Z", "行政改革課", "KGI3");
        assertThat(QueryParams.cursorKeys(cursor, 3)).containsExactly("2025-07-17T00:00:00Z", "行政改革課", "KGI3");
        assertThat(QueryParams.cursorKeys(null, 3)).isNull();
        assertThat(QueryParams.cursorKeys("", 3)).isNull();
    }

    @Test
    void everyCursorNotGivenOutIsRefusedAsTheCursorParameter() {
        String cursor = QueryParams.cursor("GI-KPI-A01", "gunma-r2-r6");
        List<String> forged = new java.util.ArrayList<>(List.of("AA", "A", "====", "not base64!", cursor + "A",
            Base64.getUrlEncoder().encodeToString("KGI3".getBytes(StandardCharsets.UTF_8)),
            Base64.getUrlEncoder().encodeToString(new byte[] {0, 0, 0, 0, 0})));
        // Every character but the last changed in turn (the last may carry only bits a decoder drops).
        for (int i = 0; i < cursor.length() - 1; i++) {
            char changed = cursor.charAt(i) == 'A' ? 'B' : 'A';
            forged.add(cursor.substring(0, i) + changed + cursor.substring(i + 1));
        }
        for (String bad : forged) {
            assertThatThrownBy(() -> QueryParams.cursorKeys(bad, 2)).as(bad).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("cursor")));
        }
        assertThatThrownBy(() -> QueryParams.cursorKeys(cursor, 3)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aCursorWithAKeyThatIsNotTextIsRefused() {
        assertThatThrownBy(() -> QueryParams.cursorKeys(QueryParams.cursor("a\u0000b"), 1)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aMomentIsAnInstantOrTheEndOfADayInJapan() {
        assertThat(QueryParams.moment("asOf", "2025-07-17T06:00:00.1234567Z")).isEqualTo(Instant.parse("2025-07-17T06:00:00.123456Z"));
        assertThat(QueryParams.moment("asOf", "2025-07-17")).isEqualTo(Instant.parse("2025-07-17T14:59:59.999999Z"));
        assertThat(QueryParams.moment("asOf", null)).isNull();
        assertThat(QueryParams.moment("asOf", " ")).isNull();
        for (String bad : List.of("2025-13-01", "yesterday", "1899-12-31", "2201-01-01T00:00:00Z")) {
            assertThatThrownBy(() -> QueryParams.moment("from", bad)).as(bad).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("from")));
        }
    }
}
