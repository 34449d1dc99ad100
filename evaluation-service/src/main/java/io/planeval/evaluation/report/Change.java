package io.planeval.evaluation.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.evaluation.attainment.Evaluation;

/** An indicator whose status, attainment or figure in force differs between two moments (or a fixed report and now). */
@Schema(name = "Change")
public record Change(String code, String name, IndicatorKind kind, String nodeCode,
                     @Schema(description = "null: the indicator was not there before") State from,
                     @Schema(description = "null: the indicator is no longer there") State to) {

    @Schema(name = "ChangeState")
    public record State(EvaluationStatus status,
                        String statusLabel, Rate attainment,
                        @Schema(description = "The measurement revision in force, with its correction reason where it is a correction")
                        IndicatorResult.Actual actual) {

        public static State of(Evaluation e) {
            IndicatorResult result = IndicatorResult.of(e);
            return new State(result.status(), result.statusLabel(), result.attainment(), result.working().actual());
        }

        /** Whether a reader would see a difference: status, rate, or another revision in force. */
        public boolean differsFrom(State other) {
            return status != other.status
                || (attainment == null ? other.attainment != null
                    : other.attainment == null || attainment.percent().compareTo(other.attainment.percent()) != 0)
                || (actual == null ? other.actual != null : other.actual == null || actual.measurementId() != other.actual.measurementId());
        }
    }
}
