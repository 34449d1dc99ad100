package io.planeval.plan.plans;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node with where it sits: its path from level 1 down to itself, and its children. */
@Schema(name = "NodeView")
public record NodeView(
    String planCode,
    long planVersion,
    NodeDocument node,
    @Schema(description = "From the level-1 ancestor down to this node") List<NodeRef> path,
    List<NodeRef> children) {

    @Schema(name = "NodeRef")
    public record NodeRef(String code, String label, String title, int level, String levelName) {

        static NodeRef of(NodeDocument node) {
            return new NodeRef(node.code(), node.label(), node.title(), node.level(), node.levelName());
        }
    }
}
