package io.planeval.evaluation.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator whose status or attainment differs between two moments. */
@Schema(name = "Change")
public record Change(String code, String name, @Schema(enumeration = {"kgi", "kpi"}) String kind, String nodeCode, State from, State to) {

    @Schema(name = "ChangeState")
    public record State(@Schema(enumeration = {"achieved", "not_achieved", "being_tallied", "no_target"}) String status,
                        String statusLabel, Rate attainment) {
    }
}
