package io.planeval.indicator.measurements;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.ReviewState;

/** A reviewer's decision on a submitted revision. */
@Schema(name = "ReviewRequest")
public record ReviewRequest(
    @Schema(required = true, description = "approved: the revision counts from now; returned: it never counts, and a new "
        + "revision corrects it (submitted is no decision, and refused)", example = "returned") ReviewState decision,
    @Schema(description = "Why it is returned (required then), or a remark on the approval",
        example = "単位が時間ではなく分で入力されています") String reason) {
}
