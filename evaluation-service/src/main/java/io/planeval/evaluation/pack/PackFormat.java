package io.planeval.evaluation.pack;

import java.util.Arrays;
import java.util.Optional;

/** The committee pack's formats, by the media type a client asks for. */
public enum PackFormat {
    PDF(PackFormat.PDF_TYPE, "pdf"),
    PPTX(PackFormat.PPTX_TYPE, "pptx"),
    XLSX(PackFormat.XLSX_TYPE, "xlsx");

    public static final String PDF_TYPE = "application/pdf";
    public static final String PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    PackFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<PackFormat> of(String mediaType) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }
}
