package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.contracts.Vocabulary.ReviewState;

/**
 * The measurement revision in force for an indicator and fiscal year (the highest recorded by the moment asked that
 * counted by then), or one submitted and waiting for a reviewer.
 */
public record Actual(
    long measurementId,
    int fiscalYear,
    int revision,
    BigDecimal value,
    Outcome outcome,
    MeasurementStatus status,
    Instant recordedAt,
    /** Who posted it */
    Actor recordedBy,
    /** Set on a correction: why the figure was changed */
    String correctionReason,
    /** Where it stands in review, where the plan required one; null where it counted at once */
    Review review,
    /** For a broken-down indicator, its members' figures aggregated; null otherwise */
    Aggregate members,
    /** For a computed indicator, its formula with the inputs' figures; null otherwise */
    Computation computation) {

    /** A figure of an indicator that is not broken down. */
    public Actual(long measurementId, int fiscalYear, int revision, BigDecimal value, Outcome outcome, MeasurementStatus status,
                  Instant recordedAt, Actor recordedBy, String correctionReason, Review review) {
        this(measurementId, fiscalYear, revision, value, outcome, status, recordedAt, recordedBy, correctionReason, review, null, null);
    }

    /**
     * A figure made from others (a derived whole from its members', a computed one from its inputs'): no revision of its
     * own (0), dated by the newest of them; being tallied where there is no value, else final only if they all are.
     * Null where there is nothing to make it from.
     */
    static Actual madeFrom(List<Actual> from, int fiscalYear, BigDecimal value, Aggregate members, Computation computation) {
        if (from.isEmpty()) {
            return null;
        }
        Actual newest = from.stream().max(Comparator.comparing(Actual::recordedAt).thenComparing(Actual::measurementId)).orElseThrow();
        MeasurementStatus status = value == null ? MeasurementStatus.BEING_TALLIED
            : from.stream().allMatch(a -> a.status() == MeasurementStatus.FINAL) ? MeasurementStatus.FINAL : MeasurementStatus.PRELIMINARY;
        return new Actual(newest.measurementId(), fiscalYear, 0, value, null, status, newest.recordedAt(), null, null, null, members,
            computation);
    }

    /** Whether it is a number to compute with: a value, not being tallied. */
    public boolean hasValue() {
        return value != null && !isBeingTallied();
    }

    /** The same figure with its members' aggregate beside it. */
    public Actual withMembers(Aggregate aggregate) {
        return new Actual(measurementId, fiscalYear, revision, value, outcome, status, recordedAt, recordedBy, correctionReason, review,
            aggregate, null);
    }

    /**
     * A submitted revision's review: submitted (no decision yet, as of the moment asked), or approved (it counts from
     * {@code at}) or returned by the reviewer {@code by}.
     */
    public record Review(ReviewState state, Instant at, Actor by, String reason) {
    }

    /** Whether it counted as of the moment it was read at: it needed no review, or a reviewer had approved it. */
    public boolean counts() {
        return review == null || review.state() == ReviewState.APPROVED;
    }

    public boolean isBeingTallied() {
        return status == MeasurementStatus.BEING_TALLIED;
    }
}
