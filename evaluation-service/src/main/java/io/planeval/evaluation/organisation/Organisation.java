package io.planeval.evaluation.organisation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.Language;

/** An organisation that reports figures (a department, a municipality), and where its reminders go. */
@Schema(description = "An organisation that reports, as the indicators name it (their organisation), with its contacts")
public record Organisation(
    @Schema(description = "The code indicators and tokens (the org claim) name it by; from the path", readOnly = true, example = "sample-org-a")
    String code,
    @Schema(description = "Its name, as a reminder addresses it", required = true, maxLength = Organisations.MAX_NAME, example = "総務部 業務プロセス改革課")
    String name,
    @Schema(description = "Where its reminders go: one to " + Organisations.MAX_CONTACTS + " e-mail addresses", required = true,
        example = "[\"gyokaku@example.jp\"]")
    List<String> contacts,
    @Schema(description = "The language its messages are written in; default ja")
    Language language,
    @Schema(description = "When it was last written", readOnly = true)
    Instant updatedAt,
    @Schema(description = "Who last wrote it", readOnly = true)
    Actor updatedBy) {
}
