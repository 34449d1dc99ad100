package io.planeval.evaluation.narrative;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.planeval.contracts.Actor;

/**
 * The committee's written evaluation of a node (a goal, usually) for a fiscal year, with its highlight lines: the
 * body of {@code PUT …/narratives/{fiscalYear}} (the read-only fields are ignored there) and the answer of GET.
 */
@Schema(name = "NodeNarrative", description = "The committee's written evaluation of a node for a fiscal year, and its highlights")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeNarrative(
    @Schema(readOnly = true, example = "gunma-r2-r6") String planCode,
    @Schema(readOnly = true, example = "GII") String nodeCode,
    @Schema(readOnly = true, example = "2024") Integer fiscalYear,
    @Schema(readOnly = true, example = "令和6年度") String fiscalYearLabel,
    @Schema(required = true, description = "The written evaluation （３）評価; paragraphs separated by line breaks",
        example = "職員負担軽減時間はKGI目標達成に至らなかったが、…多様で柔軟な働き方の実現…に取り組んだ。") String evaluation,
    @Schema(description = "Highlight lines, e.g. a figure from its baseline to its result",
        example = "[\"管理職に占める女性職員の割合 14.9 ％（R1）→ 22.7 ％（R6）\"]") List<String> highlights,
    @Schema(readOnly = true, description = "1 for the first text of this node and year, then 2, 3 …; also the ETag", example = "1")
    Integer revision,
    @Schema(readOnly = true, implementation = String.class, format = "date-time") Instant writtenAt,
    @Schema(readOnly = true, description = "Who wrote this revision, as the bearer token said") Actor writtenBy) {
}
