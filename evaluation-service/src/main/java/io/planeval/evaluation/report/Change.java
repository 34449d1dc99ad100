package io.planeval.evaluation.report;

import java.util.Objects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.NarrativeSubject;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.narrative.IndicatorNarrative;

/**
 * What differs between two moments (or a fixed report and now): an indicator's status, attainment, figure in force or
 * causes and actions, or a node's written evaluation.
 */
@Schema(name = "Change")
public record Change(String code, String name, IndicatorKind kind, String nodeCode,
                     @Schema(description = "indicator: its figures or its causes and actions changed; node: the node's written "
                         + "evaluation changed (status, attainment and figure are then absent)") NarrativeSubject subject,
                     @Schema(description = "null: the indicator (or the node's evaluation) was not there before") State from,
                     @Schema(description = "null: the indicator is no longer there") State to) {

    /**
     * Which of a plan's things it is about, and the order changes are listed and paged in (indicators by code, then
     * nodes): fixed reports stored before node changes existed name no subject.
     */
    public String key() {
        return (subject == null ? NarrativeSubject.INDICATOR : subject) + "/" + code;
    }

    @Schema(name = "ChangeState")
    public record State(EvaluationStatus status,
                        String statusLabel, Rate attainment,
                        @Schema(description = "The measurement revision in force, with its correction reason where it is a correction")
                        IndicatorResult.Actual actual,
                        @Schema(description = "The revision of the causes and actions (of a node: of its evaluation) in force; null where none")
                        Integer narrativeRevision) {

        public static State of(Evaluation e, IndicatorNarrative narrative) {
            IndicatorResult result = IndicatorResult.of(e, narrative, null);
            return new State(result.status(), result.statusLabel(), result.attainment(), result.working().actual(),
                narrative == null ? null : narrative.revision());
        }

        /** Whether a reader would see a difference: status, rate, another revision in force, or other words. */
        public boolean differsFrom(State other) {
            return status != other.status
                || (attainment == null ? other.attainment != null
                    : other.attainment == null || attainment.percent().compareTo(other.attainment.percent()) != 0)
                || (actual == null ? other.actual != null : other.actual == null || actual.measurementId() != other.actual.measurementId())
                || !Objects.equals(narrativeRevision, other.narrativeRevision);
        }
    }
}
