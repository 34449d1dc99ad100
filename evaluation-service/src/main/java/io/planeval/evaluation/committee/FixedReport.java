package io.planeval.evaluation.committee;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.evaluation.attachment.Attachment;

/** A committee report as fixed: its evaluation and CSV are kept byte for byte. */
@Schema(name = "FixedReport")
public record FixedReport(
    long id,
    String planCode,
    @Schema(example = "第39回 行財政改革評価・推進委員会") String name,
    int fiscalYear,
    @Schema(example = "令和6年度") String fiscalYearLabel,
    @Schema(implementation = String.class, format = "date-time", description = "The moment the figures are as of") Instant asOf,
    @Schema(implementation = String.class, format = "date-time") Instant fixedAt,
    @Schema(description = "Who fixed it, as the token said") Actor fixedBy,
    @Schema(description = "SHA-256 of the fixed evaluation's JSON bytes, in hex", example = "sha-256:5d41402abc4b2a76b9719d911017c592…")
    String contentHash,
    @Schema(description = "Where the report was fixed although not-achieved indicators had no causes written: which, and why")
    UnexplainedMisses unexplainedMisses,
    @Schema(description = "The evidence of the year uploaded by the moment the figures are as of, named by hash")
    List<Attachment> attachments,
    @Schema(description = "The pack made when it was fixed, in each format, with its SHA-256 (served by getReportPack)")
    List<Pack> packs,
    @Schema(description = "Where the fixed evaluation (JSON), its CSV and the changes since are read") Links links) {

    @Schema(name = "UnexplainedMisses")
    public record UnexplainedMisses(@Schema(example = "[\"GII-KPI-N03\"]") List<String> indicators,
                                    @Schema(example = "R6の一部指標は集計中のため、次回委員会で要因分析を報告する") String reason) {
    }

    @Schema(name = "FixedReportPack")
    public record Pack(@Schema(example = "pdf") String format, @Schema(example = "sha-256:9f86d0…") String sha256, long size) {
    }

    @Schema(name = "FixedReportLinks")
    public record Links(String evaluation, String csv, String changes, @Schema(description = "The pack (Accept chooses PDF, PPTX or XLSX)") String pack) {
    }
}
