package io.planeval.support.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void japaneseEmojiTabsAndLineBreaksAreText() {
        assertThat(Text.fault("群馬県行財政改革大綱（R2-R6）\t目標Ⅰ\r\n😀　％")).isNull();
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreNot() {
        assertThat(Text.fault("a\u0000")).contains("U+0000 at position 2");
        assertThat(Text.fault("\u007f")).contains("U+007F");
        assertThat(Text.fault("\u0085")).contains("U+0085");
        assertThat(Text.fault("x\udc00")).contains("unpaired surrogate U+DC00 at position 2");
        assertThat(Text.fault("\ud83d")).contains("U+D83D");
    }

    @Test
    void strictUtf8() throws Exception {
        assertThat(Text.decodeUtf8("令和６年度".getBytes(StandardCharsets.UTF_8))).isEqualTo("令和６年度");
        assertThatThrownBy(() -> Text.decodeUtf8(new byte[] {'a', (byte) 0xC0, (byte) 0x80}))
            .isInstanceOf(CharacterCodingException.class).hasMessage("the bytes at offset 1 are not UTF-8");
        assertThatThrownBy(() -> Text.requireUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3))
            .isInstanceOf(CharacterCodingException.class);
        byte[] large = "あ".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Text.requireUtf8(large, 0, large.length);
    }

    @Test
    void excerptsAreShort() {
        assertThat(Text.excerpt("x".repeat(10_000))).hasSize(Text.EXCERPT_LENGTH + 1).endsWith("…");
        assertThat(Text.excerpt("short")).isEqualTo("short");
    }
}
