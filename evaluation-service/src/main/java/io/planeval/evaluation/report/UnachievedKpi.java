package io.planeval.evaluation.report;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.support.decimal.Decimals;

/** A line of the committee's list of unachieved KPIs: target and actual as written; the working is on the indicator. */
@Schema(name = "UnachievedKpi")
public record UnachievedKpi(String code, String name, String nodeCode, String unit, BigDecimal target, String targetText,
                            BigDecimal actual, Rate attainment) {

    static UnachievedKpi of(Evaluation e) {
        Evaluation.Working w = e.working();
        return new UnachievedKpi(e.indicator().code(), e.indicator().name(), e.indicator().nodeCode(), e.indicator().unit(),
            w.target() == null ? null : Decimals.canonical(w.target().value()), w.target() == null ? null : w.target().text(),
            w.actual() == null ? null : Decimals.canonical(w.actual().value()), Rate.oneDecimal(e.attainment()));
    }
}
