package io.planeval.evaluation.report;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.narrative.IndicatorNarrative;
import io.planeval.support.decimal.Decimals;

/** A line of the committee's list of unachieved KPIs: target and actual as written; the working is on the indicator. */
@Schema(name = "UnachievedKpi")
public record UnachievedKpi(String code, String name, String nodeCode, String unit, BigDecimal target, String targetText,
                            BigDecimal actual, Rate attainment,
                            @Schema(description = "Why it was missed (要因分析), as written by the moment asked") String causes,
                            @Schema(description = "What is done about it (改善策)") String actions) {

    static UnachievedKpi of(Evaluation e, IndicatorNarrative narrative) {
        Evaluation.Working w = e.working();
        return new UnachievedKpi(e.indicator().code(), e.indicator().name(), e.indicator().nodeCode(), e.indicator().unit(),
            w.target() == null ? null : Decimals.canonical(w.target().value()), w.target() == null ? null : w.target().text(),
            w.actual() == null ? null : Decimals.canonical(w.actual().value()), Rate.oneDecimal(e.attainment()),
            narrative == null ? null : narrative.causes(), narrative == null ? null : narrative.actions());
    }
}
