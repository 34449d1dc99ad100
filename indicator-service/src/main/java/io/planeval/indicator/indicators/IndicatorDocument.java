package io.planeval.indicator.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.Aggregation;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.ShareCondition;
import io.planeval.contracts.Vocabulary.WholeFigure;

/** A KGI or KPI definition: the body of PUT and the answer of GET. Read-only fields are ignored on input. */
@Schema(name = "Indicator")
public record IndicatorDocument(
    @Schema(readOnly = true, example = "gunma-r2-r6") String planCode,
    @Schema(description = "Must equal the path's indicatorCode if given", example = "KGI3") String code,
    @Schema(required = true, description = "The plan node the indicator belongs to", example = "GII") String nodeCode,
    @Schema(required = true) IndicatorKind kind,
    @Schema(required = true, example = "デジタル化推進等による省力化時間") String name,
    @Schema(description = "As written: ％, 件, 時間/年, 千円/年 …; required unless qualitative", example = "時間/年") String unit,
    Baseline baseline,
    @Schema(description = "Without one, the indicator is shown with its results but counts as 'no target'") Target target,
    @Schema(description = "Yearly milestone targets on the way to the final one") List<Milestone> milestones,
    @Schema(required = true) Direction direction,
    @Schema(description = "Defaults by direction: ratio, inverse_ratio, qualitative") Method method,
    @Schema(description = "For a KGI: the codes of its related KPIs") List<String> relatedKpis,
    @Schema(example = "総務部行政改革課") String department,
    @Schema(description = "The organisation whose reporters post its measurements: their tokens' org claim. Without one, "
        + "only operations may post.", example = "sample-org-a") String organisation,
    @Schema(description = "The system that posts its measurements") String sourceSystem,
    @Schema(description = "Anything a reader of the figures should know, e.g. how a printed value was read") String note,
    @Schema(description = "The indicator of an earlier plan this one continues: the evaluation shows their figures as one series")
    Predecessor predecessor,
    @Schema(description = "The dimensions its figures are broken down by (e.g. municipality) and how the members' figures "
        + "make the indicator's own one") Breakdown breakdown,
    @Schema(description = "Where its figure is computed from other indicators of the plan: it takes no figures of its own")
    Formula formula,
    @Schema(readOnly = true, description = "Increases with every committed change; also the ETag") Long version,
    @Schema(readOnly = true, description = "When the last change committed") Instant changedAt,
    @Schema(readOnly = true, description = "Who made the last change") Actor changedBy) {

    @Schema(name = "Baseline", description = "Where the indicator started (基準値)")
    public record Baseline(BigDecimal value, Integer fiscalYear, @Schema(readOnly = true, example = "令和元年度") String fiscalYearLabel) {
    }

    @Schema(name = "Target", description = "The final target: a value, or for a qualitative indicator its text")
    public record Target(BigDecimal value, @Schema(example = "増額確保") String text, Integer fiscalYear,
                         @Schema(readOnly = true, example = "令和6年度") String fiscalYearLabel) {
    }

    @Schema(name = "Predecessor", description = "An indicator of an earlier plan")
    public record Predecessor(@Schema(example = "gunma-r2-r6") String planCode, @Schema(example = "KGI3") String indicatorCode) {
    }

    @Schema(name = "Breakdown", description = "An indicator's figures by member: a measurement may name one member of each "
        + "dimension (its cell); the indicator's own figure (its whole) is reported, or derived from the cells")
    public record Breakdown(
        @Schema(required = true, description = "One to three dimensions") List<Dimension> dimensions,
        @Schema(required = true) WholeFigure whole,
        @Schema(required = true) Aggregation aggregation,
        @Schema(description = "For a share: what a cell's figure must do to count") ShareCondition condition,
        @Schema(description = "For a share of cells at least a value: the value", example = "1") BigDecimal threshold,
        @Schema(description = "The places a derived whole is rounded to, half up (四捨五入); default 6", example = "1") Integer decimals,
        @Schema(description = "Cells' own targets (in place of the indicator's, in every year it has one) and weights "
            + "(required by weighted_mean)") List<MemberSetting> settings) {
    }

    @Schema(name = "Formula", description = "Arithmetic over other indicators of the plan, each code in braces: + - * / (or × ÷), "
        + "parentheses and decimal numbers; computed in exact decimals (a quotient to 34 significant digits) and rounded once, half up")
    public record Formula(
        @Schema(required = true, example = "{GI-KPI-N05} / {GI-KPI-N06} * 100") String expression,
        @Schema(description = "Places the figure is rounded to; default 6", example = "1") Integer decimals) {
    }

    @Schema(name = "Dimension")
    public record Dimension(
        @Schema(required = true, description = "municipality (全国地方公共団体コード of Gunma's 35 municipalities), sex or age (SDMX "
            + "CL_SEX, CL_AGE), or a code of the plan's own list", example = "municipality") String code,
        @Schema(description = "Given for a list of the plan's own; the built-in lists name themselves", example = "市町村") String name,
        @Schema(description = "Its members: every municipality unless fewer are named; for sex and age the codes used; "
            + "for a list of the plan's own, every member with its name") List<Member> members) {
    }

    @Schema(name = "DimensionMember")
    public record Member(@Schema(required = true, example = "102016") String code, @Schema(example = "前橋市") String name) {
    }

    @Schema(name = "MemberSetting", description = "A cell's own target and weight")
    public record MemberSetting(
        @Schema(required = true, description = "The cell: dimension code → member code", example = "{\"municipality\": \"102016\"}")
        Map<String, String> members,
        BigDecimal target,
        BigDecimal weight) {
    }

    @Schema(name = "Milestone")
    public record Milestone(Integer fiscalYear, BigDecimal value) {
    }

    /** Without the read-only fields: what decides whether a PUT changes anything. */
    IndicatorDocument content() {
        return new IndicatorDocument(null, code, nodeCode, kind, name, unit,
            baseline == null ? null : new Baseline(baseline.value(), baseline.fiscalYear(), null),
            target == null ? null : new Target(target.value(), target.text(), target.fiscalYear(), null),
            milestones, direction, method, relatedKpis, department, organisation, sourceSystem, note, predecessor, breakdown, formula, null, null, null);
    }
}
