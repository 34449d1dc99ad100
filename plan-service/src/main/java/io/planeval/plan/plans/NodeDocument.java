package io.planeval.plan.plans;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node of a plan's tree: a goal, policy, item, program, or whatever the plan's levels name. */
@Schema(name = "NodeDocument")
public record NodeDocument(
    @Schema(required = true, description = "Unique in the plan", example = "I15")
    String code,
    @Schema(nullable = true, description = "As printed", example = "実施項目15")
    String label,
    @Schema(required = true, example = "オープンデータの推進")
    String title,
    @Schema(nullable = true)
    String description,
    @Schema(required = true, description = "1 = the plan's first level; one below its parent", example = "3")
    Integer level,
    @Schema(readOnly = true, example = "実施項目")
    String levelName,
    @Schema(nullable = true, description = "Parent node code; null exactly at level 1", example = "P7")
    String parent,
    @Schema(description = "1-based order among siblings; defaults to the order given", example = "1")
    Integer position,
    @Schema(nullable = true, description = "Editorial note, e.g. why an assignment is uncertain")
    String note) {

    NodeDocument content() {
        return new NodeDocument(code, label, title, description, level, null, parent, position, note);
    }

    NodeDocument withPosition(int newPosition) {
        return new NodeDocument(code, label, title, description, level, levelName, parent, newPosition, note);
    }

    NodeDocument withLevelName(String name) {
        return new NodeDocument(code, label, title, description, level, name, parent, position, note);
    }
}
