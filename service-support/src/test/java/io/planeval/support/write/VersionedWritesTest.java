package io.planeval.support.write;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.planeval.support.problem.ProblemException;

class VersionedWritesTest {

    @Test
    void withoutIfMatchEveryWriteGoesAhead() {
        assertThatCode(() -> VersionedWrites.checkIfMatch("Plan p", null, null)).doesNotThrowAnyException();
        assertThatCode(() -> VersionedWrites.checkIfMatch("Plan p", 7L, null)).doesNotThrowAnyException();
    }

    @Test
    void ifMatchMustNameTheStoredVersion() {
        assertThatCode(() -> VersionedWrites.checkIfMatch("Plan p", 7L, 7L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> VersionedWrites.checkIfMatch("Plan p", 8L, 7L)).isInstanceOfSatisfying(ProblemException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.problem().status()).isEqualTo(412))
            .hasMessageContaining("Plan p is at version 8, not 7: read it again and reapply your change");
    }

    @Test
    void noIfMatchCanNameWhatDoesNotExist() {
        assertThatThrownBy(() -> VersionedWrites.checkIfMatch("Indicator KGI3", null, 1L)).isInstanceOf(ProblemException.class)
            .hasMessageContaining("Indicator KGI3 does not exist, so If-Match cannot match");
    }
}
