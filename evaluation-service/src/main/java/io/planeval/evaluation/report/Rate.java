package io.planeval.evaluation.report;

import java.math.BigDecimal;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.evaluation.attainment.Percent;

/** A rate in percent: exact, and as the committee prints it. */
@Schema(name = "Rate", description = "percent: exact to 10 decimal places (computed half-even, never capped); "
    + "display: rounded half-up (四捨五入) — KPI achievement rates and goal KGI rates to whole percent (63%), "
    + "an indicator's attainment to one decimal with a trailing .0 dropped (73.9%, 189%)")
public record Rate(@Schema(example = "63.1578947368") BigDecimal percent, @Schema(example = "63%") String display) {

    public static Rate whole(BigDecimal percent) {
        return of(percent, Percent::whole);
    }

    public static Rate oneDecimal(BigDecimal percent) {
        return of(percent, Percent::oneDecimal);
    }

    private static Rate of(BigDecimal percent, Function<BigDecimal, String> display) {
        return percent == null ? null : new Rate(percent, display.apply(percent));
    }
}
