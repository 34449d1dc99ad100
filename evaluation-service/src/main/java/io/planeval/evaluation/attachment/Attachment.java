package io.planeval.evaluation.attachment;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.AttachedTo;

/** A file of evidence, without its bytes: what it is attached to, what it is, and who uploaded it. */
@Schema(name = "Attachment")
public record Attachment(
    long id,
    String planCode,
    AttachedTo attachedTo,
    @Schema(description = "The indicator's code (a measurement's or its narrative's), or the node's", example = "KGI4") String code,
    @Schema(example = "2024") int fiscalYear,
    @Schema(description = "The measurement's id (attachedTo measurement), or the narrative's revision", example = "1") long revision,
    @Schema(example = "R6実績_職員負担軽減時間.pdf") String fileName,
    @Schema(example = "application/pdf") String mediaType,
    @Schema(description = "Bytes") long size,
    @Schema(description = "SHA-256 of the bytes, in hex", example = "sha-256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
    String sha256,
    @Schema(implementation = String.class, format = "date-time") Instant uploadedAt,
    @Schema(description = "Who uploaded it, as the token said") Actor uploadedBy,
    @Schema(description = "Where the bytes are downloaded", example = "/api/v1/plans/gunma-r2-r6/attachments/1") String download) {
}
