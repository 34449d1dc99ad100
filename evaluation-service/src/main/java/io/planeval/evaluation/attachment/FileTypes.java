package io.planeval.evaluation.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.planeval.support.text.Text;

/**
 * The file types evidence may be, told from their bytes as well as their name: a file whose bytes are not what it
 * claims is refused. Hand-written: six magic numbers and, for the two Office formats, the names of a ZIP's entries are
 * all it takes (Apache Tika tells OOXML apart only with its POI-based parsers).
 */
public final class FileTypes {

    /** An accepted type: its media type, the file name endings it goes by, and whether bytes are of it. */
    public enum FileType {
        PDF(FileTypes.PDF, List.of(".pdf")),
        PNG(FileTypes.PNG, List.of(".png")),
        JPEG(FileTypes.JPEG, List.of(".jpg", ".jpeg")),
        XLSX(FileTypes.XLSX, List.of(".xlsx")),
        DOCX(FileTypes.DOCX, List.of(".docx")),
        CSV(FileTypes.CSV, List.of(".csv"));

        private final String mediaType;
        private final List<String> endings;

        FileType(String mediaType, List<String> endings) {
            this.mediaType = mediaType;
            this.endings = endings;
        }

        public String mediaType() {
            return mediaType;
        }

        public List<String> endings() {
            return endings;
        }
    }

    /** The media types accepted, as constants for @Consumes. */
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String CSV = "text/csv";

    /** A ZIP may expand to at most this much while its entry names are read: a small file that inflates to gigabytes is refused. */
    static final long MAX_EXPANDED = 256L * 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private FileTypes() {
    }

    /** The accepted type of a media type (parameters such as charset ignored), or empty. */
    public static Optional<FileType> byMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(FileType.values()).filter(type -> type.mediaType.equals(bare)).findFirst();
    }

    /** Why the bytes are not a file of the type, or null when they are. */
    public static String mismatch(FileType type, byte[] bytes) {
        return switch (type) {
            case PDF -> startsWith(bytes, PDF_MAGIC) ? null : "does not start as a PDF does (%PDF-)";
            case PNG -> startsWith(bytes, PNG_MAGIC) ? null : "does not start with the PNG signature";
            case JPEG -> startsWith(bytes, JPEG_MAGIC) ? null : "does not start with the JPEG marker FF D8 FF";
            case XLSX -> office(bytes, "xl/", "an Excel workbook (.xlsx)");
            case DOCX -> office(bytes, "word/", "a Word document (.docx)");
            case CSV -> text(bytes);
        };
    }

    /** Why the file name does not fit the type, or null when it does. */
    public static String nameMismatch(FileType type, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return type.endings.stream().anyMatch(lower::endsWith) ? null
            : "does not end in " + String.join(" or ", type.endings) + " as a " + type.mediaType + " file does";
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    /** An Office Open XML file: a ZIP with [Content_Types].xml and the part folder of its kind. */
    private static String office(byte[] bytes, String folder, String what) {
        if (!startsWith(bytes, ZIP_MAGIC)) {
            return "is not " + what + ": it is not a ZIP package";
        }
        boolean contentTypes = false;
        boolean parts = false;
        long expanded = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            for (int entries = 0; (entry = zip.getNextEntry()) != null && entries < MAX_ENTRIES; entries++) {
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                parts |= entry.getName().startsWith(folder);
                if (contentTypes && parts) {
                    return null;
                }
                // Read through the entry ourselves, counting, rather than let the stream skip it unbounded.
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    expanded += n;
                    if (expanded > MAX_EXPANDED) {
                        return "is not " + what + " this service reads: it expands beyond " + MAX_EXPANDED / (1024 * 1024) + " MiB";
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return "is not " + what + ": its ZIP package is damaged (" + e.getMessage() + ")";
        }
        return "is not " + what + ": the package has no " + (contentTypes ? folder + " parts" : "[Content_Types].xml");
    }

    /** CSV: UTF-8 text (a byte order mark allowed) with no control characters but tab and line breaks. */
    private static String text(byte[] bytes) {
        try {
            String decoded = Text.decodeUtf8(bytes);
            String fault = Text.fault(decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded);
            return fault == null ? null : "is not CSV text: it " + fault;
        } catch (CharacterCodingException e) {
            return "is not CSV text in UTF-8: " + e.getMessage();
        }
    }
}
