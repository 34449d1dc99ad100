package io.planeval.evaluation.members;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Actor;
import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.attainment.MemberFigures;
import io.planeval.evaluation.report.Rate;
import io.planeval.support.decimal.Decimals;
import io.planeval.support.members.MemberKeys;

/** One cell of a broken-down indicator (a member of each dimension) for a fiscal year: its figure and its result. */
@Schema(name = "MemberResult")
public record MemberResult(
    @Schema(description = "The cell as dimension=member pairs", example = "municipality=102016") String key,
    @Schema(description = "Dimension code → member code", example = "{\"municipality\": \"102016\"}") Map<String, String> members,
    @Schema(description = "Dimension code → member name", example = "{\"municipality\": \"前橋市\"}") Map<String, String> names,
    @Schema(description = "Whether it has a counted figure for the year; false marks a member still missing") boolean reported,
    BigDecimal value,
    @Schema(description = "Its figure's status, where it has one") MeasurementStatus figureStatus,
    @Schema(description = "The figure's revision in force") Integer revision,
    @Schema(implementation = String.class, format = "date-time") Instant recordedAt,
    @Schema(description = "Who posted it, as the token said") Actor recordedBy,
    EvaluationStatus status,
    @Schema(example = "達成") String statusLabel,
    Rate attainment,
    @Schema(description = "The target it was judged against: its own, a share's threshold, or the indicator's for the year") BigDecimal target,
    @Schema(description = "Whether that target is the member's own or the share's threshold, not the indicator's") boolean ownTarget,
    @Schema(example = "1 ÷ 100 = 1.00%") String formula) {

    static MemberResult of(IndicatorDefinition def, int fiscalYear, String cell, Actual figure) {
        Evaluation e = MemberFigures.evaluateCell(def, fiscalYear, cell, figure);
        Map<String, String> members = MemberKeys.members(cell);
        Map<String, String> names = new LinkedHashMap<>();
        members.forEach((dimension, member) -> names.put(dimension, name(def.breakdown(), dimension, member)));
        boolean reported = figure != null && figure.hasValue();
        return new MemberResult(cell, members, names, reported, figure == null ? null : Decimals.canonical(figure.value()),
            figure == null ? null : figure.status(), figure == null ? null : figure.revision(), figure == null ? null : figure.recordedAt(),
            figure == null ? null : figure.recordedBy(), e.status(), e.status().label(), Rate.oneDecimal(e.attainment()),
            e.working().target() == null ? null : Decimals.canonical(e.working().target().value()),
            MemberFigures.cellTarget(def.breakdown(), cell) != null, e.working().formula());
    }

    private static String name(IndicatorChanged.Breakdown breakdown, String dimension, String member) {
        return breakdown.dimensions().stream().filter(d -> d.code().equals(dimension)).flatMap(d -> d.members().stream())
            .filter(m -> m.code().equals(member)).map(IndicatorChanged.Member::name).findFirst().orElse(null);
    }
}
