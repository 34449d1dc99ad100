package io.planeval.evaluation.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.Aggregation;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.evaluation.attainment.Aggregate;
import io.planeval.evaluation.attainment.Computation;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.narrative.IndicatorNarrative;
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
    Working working,
    @Schema(description = "Why it stands where it does (要因分析), as written for the year by the moment asked; absent where none")
    String causes,
    @Schema(description = "What is done about it (改善策), as written for the year by the moment asked; absent where none")
    String actions,
    @Schema(description = "A newer revision submitted by the moment asked and not yet approved by then (plans whose review is "
        + "required): shown beside the figure in force, counted in nothing until a reviewer approves it")
    Actual pending) {

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

    @Schema(name = "ActualUsed", description = "The measurement revision in force, or for a derived whole its members' aggregate")
    public record Actual(long measurementId,
                         @Schema(description = "The revision in force; 0 for a whole derived from its members' figures") int revision,
                         BigDecimal value,
                         Outcome outcome,
                         MeasurementStatus status,
                         @Schema(implementation = String.class, format = "date-time") Instant recordedAt,
                         @Schema(description = "Who posted it, as the token said") Actor recordedBy,
                         @Schema(description = "Set on a correction of a figure already reported: why") String correctionReason,
                         @Schema(description = "Its review, where the plan required one: approved (who, when), or submitted and "
                             + "waiting; absent where it counted at once") Review review,
                         @Schema(description = "For a broken-down indicator: its members' figures aggregated") Members members,
                         @Schema(description = "For a computed indicator: its formula and each input's figure") Computed computed) {

        static Actual of(io.planeval.evaluation.attainment.Actual a) {
            return a == null ? null : new Actual(a.measurementId(), a.revision(), Decimals.canonical(a.value()), a.outcome(), a.status(),
                a.recordedAt(), a.recordedBy(), a.correctionReason(), a.review() == null ? null
                    : new Review(a.review().state(), a.review().at(), a.review().by(), a.review().reason()), Members.of(a.members()),
                Computed.of(a.computation()));
        }
    }

    @Schema(name = "ComputedUsed", description = "How a computed indicator's figure was reached")
    public record Computed(@Schema(example = "{GI-KPI-A} / {GI-KPI-B} * 100") String expression,
                           @Schema(example = "(138 ÷ 214) × 100 = 64.5") String working,
                           @Schema(description = "Each input's figure in force (value absent where it has none yet)") List<Input> inputs) {

        static Computed of(Computation c) {
            return c == null ? null : new Computed(c.expression(), c.working(), c.inputs().stream()
                .map(i -> new Input(i.code(), Decimals.canonical(i.value()), i.status(), i.revision(), i.measurementId())).toList());
        }
    }

    @Schema(name = "ComputedInput")
    public record Input(String code, BigDecimal value, MeasurementStatus status,
                        @Schema(description = "The revision in force; 0 where it is itself derived or computed") Integer revision,
                        Long measurementId) {
    }

    @Schema(name = "MembersUsed", description = "A broken-down indicator's members' figures for the year, aggregated")
    public record Members(Aggregation aggregation,
                          @Schema(description = "Every cell (one member of every dimension)") int expected,
                          @Schema(description = "The cells with a counted figure") int reported,
                          @Schema(description = "The cells without one, by member key (dimension=member;…)", example = "[\"municipality=105252\"]")
                          List<String> missing,
                          @Schema(description = "The aggregate of the reported cells, rounded to the breakdown's places") BigDecimal value,
                          @Schema(example = "34 of 35 members at least 1: 34 ÷ 35 × 100 = 97.1 (rounded half up to 1 place)") String formula,
                          @Schema(description = "Where the whole is reported and every member has a figure: whether they agree")
                          Boolean agrees) {

        static Members of(Aggregate a) {
            return a == null ? null : new Members(a.aggregation(), a.expected(), a.reported(), a.missing(), Decimals.canonical(a.value()),
                a.formula(), a.agrees());
        }
    }

    @Schema(name = "ReviewUsed", description = "A reviewer's decision on a submitted revision, as of the moment asked")
    public record Review(ReviewState state,
                         @Schema(implementation = String.class, format = "date-time", description = "When it was decided") Instant decidedAt,
                         @Schema(description = "Who decided, as the token said") Actor decidedBy,
                         @Schema(description = "The reviewer's reason") String reason) {
    }

    @Schema(name = "BaselineUsed")
    public record Baseline(BigDecimal value, Integer fiscalYear, String fiscalYearLabel) {
    }

    /**
     * The evaluation as an answer, with the causes and actions in force (null: none written) and a newer revision waiting
     * for approval (null: none).
     */
    public static IndicatorResult of(Evaluation e, IndicatorNarrative narrative, io.planeval.evaluation.attainment.Actual pending) {
        Evaluation.Working w = e.working();
        Target target = w.target() == null ? null : new Target(Decimals.canonical(w.target().value()), w.target().text(),
            w.target().fiscalYear(), FiscalYears.label(w.target().fiscalYear()), w.target().milestone());
        Actual actual = Actual.of(w.actual());
        Baseline baseline = w.baselineValue() == null ? null : new Baseline(Decimals.canonical(w.baselineValue()), w.baselineFiscalYear(),
            w.baselineFiscalYear() == null ? null : FiscalYears.label(w.baselineFiscalYear()));
        return new IndicatorResult(e.indicator().code(), e.indicator().name(), e.indicator().kind(), e.indicator().nodeCode(),
            e.indicator().unit(), e.fiscalYear(), FiscalYears.label(e.fiscalYear()), e.status(), e.status().label(),
            Rate.oneDecimal(e.attainment()), e.onTrack(), new Working(w.method(), w.formula(), w.reason(), target, actual, baseline),
            narrative == null ? null : narrative.causes(), narrative == null ? null : narrative.actions(),
            pending == null || (w.actual() != null && w.actual().revision() > pending.revision()) ? null : Actual.of(pending));
    }
}
