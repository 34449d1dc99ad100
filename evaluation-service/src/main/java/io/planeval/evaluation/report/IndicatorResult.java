package io.planeval.evaluation.report;

import java.math.BigDecimal;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.support.decimal.Decimals;
import io.planeval.support.fiscal.FiscalYears;

/** One indicator's result for a fiscal year, with the inputs and the formula that produced it. */
@Schema(name = "IndicatorResult")
public record IndicatorResult(
    String code,
    String name,
    IndicatorKind kind,
    String nodeCode,
    String unit,
    int fiscalYear,
    String fiscalYearLabel,
    EvaluationStatus status,
    @Schema(example = "達成") String statusLabel,
    Rate attainment,
    @Schema(description = "Where the year's target is a milestone: whether it was met") Boolean onTrack,
    Working working) {

    @Schema(name = "Working")
    public record Working(
        Method method,
        @Schema(example = "75608 ÷ 40000 = 189.02%") String formula,
        @Schema(description = "Why there is no rate, where there is none") String reason,
        Target target,
        Actual actual,
        Baseline baseline) {
    }

    @Schema(name = "TargetUsed")
    public record Target(BigDecimal value, String text, int fiscalYear, String fiscalYearLabel, boolean milestone) {
    }

    @Schema(name = "ActualUsed", description = "The measurement revision in force")
    public record Actual(long measurementId, int revision, BigDecimal value,
                         Outcome outcome,
                         MeasurementStatus status,
                         @Schema(implementation = String.class, format = "date-time") Instant recordedAt,
                         @Schema(description = "Who posted it, as the token said") Actor recordedBy,
                         @Schema(description = "Set on a correction of a figure already reported: why") String correctionReason) {
    }

    @Schema(name = "BaselineUsed")
    public record Baseline(BigDecimal value, Integer fiscalYear, String fiscalYearLabel) {
    }

    static IndicatorResult of(Evaluation e) {
        Evaluation.Working w = e.working();
        Target target = w.target() == null ? null : new Target(Decimals.canonical(w.target().value()), w.target().text(),
            w.target().fiscalYear(), FiscalYears.label(w.target().fiscalYear()), w.target().milestone());
        Actual actual = w.actual() == null ? null : new Actual(w.actual().measurementId(), w.actual().revision(),
            Decimals.canonical(w.actual().value()), w.actual().outcome(), w.actual().status(), w.actual().recordedAt(),
            w.actual().recordedBy(), w.actual().correctionReason());
        Baseline baseline = w.baselineValue() == null ? null : new Baseline(Decimals.canonical(w.baselineValue()), w.baselineFiscalYear(),
            w.baselineFiscalYear() == null ? null : FiscalYears.label(w.baselineFiscalYear()));
        return new IndicatorResult(e.indicator().code(), e.indicator().name(), e.indicator().kind(), e.indicator().nodeCode(),
            e.indicator().unit(), e.fiscalYear(), FiscalYears.label(e.fiscalYear()), e.status(), e.status().label(),
            Rate.oneDecimal(e.attainment()), e.onTrack(), new Working(w.method(), w.formula(), w.reason(), target, actual, baseline));
    }
}
