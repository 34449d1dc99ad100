package io.planeval.plan.plans;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a node's PATCH (JSON merge patch, RFC 7396): the fields given replace the node's, a null clears an
 * optional one, a field left out stays as it is. Read as strictly as a whole node.
 */
@Schema(name = "NodePatch", description = "JSON merge patch of a node: the fields given replace the node's; null clears an optional one")
public record NodePatch(
    @Schema(description = "Must be the node's own code if given: a code cannot change", example = "I15") String code,
    @Schema(nullable = true, example = "実施項目15") String label,
    @Schema(example = "オープンデータの推進") String title,
    @Schema(nullable = true) String description,
    @Schema(description = "1 = the plan's first level; one below the parent", example = "3") Integer level,
    @Schema(nullable = true, description = "Parent node code; null exactly at level 1", example = "P7") String parent,
    @Schema(description = "1-based order among siblings", example = "1") Integer position,
    @Schema(nullable = true) String note) {
}
