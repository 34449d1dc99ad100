package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.util.List;

import io.planeval.contracts.Vocabulary.MeasurementStatus;

/**
 * How a computed indicator's figure was reached: its expression, the working with each input's figure written in, and
 * each input's figure in force (null where it has none yet).
 */
public record Computation(String expression, String working, List<Input> inputs) {

    /** An input's figure as computed with: its value, status and revision (0 where it is itself derived or computed). */
    public record Input(String code, BigDecimal value, MeasurementStatus status, Integer revision, Long measurementId) {
    }
}
