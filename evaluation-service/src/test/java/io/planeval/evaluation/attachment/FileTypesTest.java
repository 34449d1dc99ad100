package io.planeval.evaluation.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.planeval.evaluation.attachment.FileTypes.FileType;

class FileTypesTest {

    @Test
    void eachTypeIsToldFromItsBytes() {
        assertThat(FileTypes.mismatch(FileType.PDF, TestFiles.PDF)).isNull();
        assertThat(FileTypes.mismatch(FileType.PNG, TestFiles.PNG)).isNull();
        assertThat(FileTypes.mismatch(FileType.JPEG, TestFiles.JPEG)).isNull();
        assertThat(FileTypes.mismatch(FileType.XLSX, TestFiles.xlsx())).isNull();
        assertThat(FileTypes.mismatch(FileType.DOCX, TestFiles.docx())).isNull();
        assertThat(FileTypes.mismatch(FileType.CSV, TestFiles.CSV)).isNull();
    }

    @Test
    void bytesOfAnotherTypeAreNamedAsSuch() {
        assertThat(FileTypes.mismatch(FileType.PDF, TestFiles.PNG)).contains("%PDF-");
        assertThat(FileTypes.mismatch(FileType.PNG, TestFiles.JPEG)).contains("PNG");
        assertThat(FileTypes.mismatch(FileType.JPEG, TestFiles.PDF)).contains("JPEG");
        assertThat(FileTypes.mismatch(FileType.XLSX, TestFiles.docx())).contains("xl/");
        assertThat(FileTypes.mismatch(FileType.DOCX, TestFiles.xlsx())).contains("word/");
        assertThat(FileTypes.mismatch(FileType.XLSX, TestFiles.PDF)).contains("not a ZIP");
        assertThat(FileTypes.mismatch(FileType.XLSX, TestFiles.zip(Map.of("xl/workbook.xml", "")))).contains("[Content_Types].xml");
        assertThat(FileTypes.mismatch(FileType.CSV, new byte[] {'a', 0, 'b'})).contains("control character");
        assertThat(FileTypes.mismatch(FileType.CSV, new byte[] {'a', (byte) 0xC3, '('})).contains("UTF-8");
    }

    @Test
    void aZipThatExpandsWithoutBoundIsRefusedWithoutReadingItAll() {
        byte[] bomb = TestFiles.bomb();
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(FileTypes.mismatch(FileType.XLSX, bomb)).contains("expands beyond");
    }

    @Test
    void namesAndMediaTypesMatchTheTypes() {
        assertThat(FileTypes.byMediaType("application/pdf")).contains(FileType.PDF);
        assertThat(FileTypes.byMediaType("text/csv; charset=UTF-8")).contains(FileType.CSV);
        assertThat(FileTypes.byMediaType("text/plain")).isEmpty();
        assertThat(FileTypes.nameMismatch(FileType.JPEG, "写真.JPG")).isNull();
        assertThat(FileTypes.nameMismatch(FileType.PDF, "報告.docx")).contains(".pdf");
        assertThat(new String(TestFiles.CSV, StandardCharsets.UTF_8)).startsWith("\uFEFF");
    }
}
