package io.planeval.evaluation.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator whose status or attainment differs between two moments. */
@Schema(name = "Change")
public record Change(String code, String name, String kind, String nodeCode, State from, State to) {

    @Schema(name = "ChangeState")
    public record State(String status, String statusLabel, Rate attainment) {
    }
}
