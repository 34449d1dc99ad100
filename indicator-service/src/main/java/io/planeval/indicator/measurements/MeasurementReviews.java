package io.planeval.indicator.measurements;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.planeval.contracts.MeasurementReviewed;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.indicator.indicators.Indicator;
import io.planeval.indicator.indicators.IndicatorService;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.security.Roles;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;

/**
 * Review of reported figures, for plans that require it: a submitted revision counts once a reviewer approves it, or
 * never if returned. A reviewer is a steward of the indicator's organisation or a plan admin, and never the one who
 * posted the figure (four eyes). Each decision is final and published ({@code planeval.measurement.reviewed.v1}).
 */
@ApplicationScoped
public class MeasurementReviews {

    static final int MAX_REASON = 2000;

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Transactional
    public MeasurementView decide(String planCode, String indicatorCode, String measurementId, ReviewRequest request) {
        IndicatorService.knownPlan(planCode);
        Indicator indicator = Indicator.find(planCode, indicatorCode)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " has no indicator " + indicatorCode));
        // Locked: two reviewers deciding at once are serialised, and the second sees the first's decision.
        Measurement revision = id(measurementId) == null ? null
            : entityManager.find(Measurement.class, id(measurementId), LockModeType.PESSIMISTIC_WRITE);
        if (revision == null || !revision.indicator.id.equals(indicator.id)) {
            throw ProblemException.notFound("Indicator " + indicatorCode + " of plan " + planCode + " has no measurement "
                + Text.excerpt(measurementId));
        }
        if (!mayReview(indicator.organisation)) {
            throw ProblemException.forbidden(List.of(new Violation("indicatorCode", indicatorCode + "'s figures are reviewed by "
                + (indicator.organisation == null ? "plan admins only" : "organisation " + indicator.organisation
                + "'s stewards or plan admins") + ", not by " + (caller.organisation() == null ? "a token without an organisation"
                : caller.organisation()))));
        }
        if (revision.recordedBy != null && revision.recordedBy.subject() != null && revision.recordedBy.subject().equals(caller.subject())) {
            throw ProblemException.forbidden(List.of(new Violation("measurementId",
                "was posted by you: another person reviews it (four eyes)")));
        }
        check(request);
        if (revision.review != ReviewState.SUBMITTED) {
            throw ProblemException.conflict("Measurement " + revision.id + " counted when it was posted: the plan required no review then");
        }
        MeasurementReview earlier = MeasurementReview.findById(revision.id);
        if (earlier != null) {
            throw ProblemException.conflict("Measurement " + revision.id + " was " + earlier.decision + " at " + earlier.decidedAt
                + " already: a decision is final (a returned figure is corrected by a new revision)");
        }
        MeasurementReview decision = new MeasurementReview();
        decision.measurementId = revision.id;
        decision.decision = request.decision();
        decision.reason = request.reason() == null || request.reason().isBlank() ? null : request.reason();
        decision.decidedAt = Moments.now();
        decision.decidedBy = caller.actor();
        decision.persist();
        outbox.append(new MeasurementReviewed(revision.id, planCode, indicatorCode, revision.fiscalYear, revision.quarter,
            revision.month, revision.revision, decision.decision, decision.reason, decision.decidedAt, decision.decidedBy));
        return MeasurementView.of(revision, planCode, indicatorCode, decision);
    }

    /**
     * The submitted revisions of the plan the caller may decide, oldest first: not their own, and of their organisation
     * unless they are a plan admin (who may narrow the queue to one organisation).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeasurementView> queue(String planCode, String organisation, int limit, String cursor) {
        IndicatorService.knownPlan(planCode);
        if (organisation != null && !caller.hasRole(Roles.PLAN_ADMIN) && !organisation.equals(caller.organisation())) {
            throw ProblemException.forbidden(List.of(new Violation("organisation", "a steward reviews its own organisation's figures ("
                + caller.organisation() + "), not " + Text.excerpt(organisation) + "'s")));
        }
        String scope = caller.hasRole(Roles.PLAN_ADMIN) ? organisation : caller.organisation();
        List<String> after = QueryParams.cursorKeys(cursor, 2);
        Instant afterTime;
        long afterId;
        try {
            afterTime = after == null ? Instant.EPOCH : Instant.parse(after.get(0));
            afterId = after == null ? 0 : Long.parseLong(after.get(1));
        } catch (RuntimeException e) {
            throw QueryParams.invalidCursor();
        }
        // Native: the poster is inside the recorded_by document, which JPQL cannot read.
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("""
                SELECT m.id FROM measurement m JOIN indicator i ON i.id = m.indicator_id
                WHERE m.review = 'submitted' AND i.plan_code = :plan
                  AND NOT EXISTS (SELECT 1 FROM measurement_review r WHERE r.measurement_id = m.id)
                  AND (CAST(:organisation AS text) IS NULL OR i.organisation = CAST(:organisation AS text))
                  AND (:planAdmin OR i.organisation IS NOT NULL)
                  AND coalesce(m.recorded_by->>'subject', '') <> :me
                  AND (m.recorded_at, m.id) > (:afterTime, :afterId)
                ORDER BY m.recorded_at, m.id LIMIT :limit""")
            .setParameter("plan", planCode)
            .setParameter("organisation", scope)
            .setParameter("planAdmin", caller.hasRole(Roles.PLAN_ADMIN))
            .setParameter("me", caller.subject() == null ? "" : caller.subject())
            .setParameter("afterTime", afterTime)
            .setParameter("afterId", afterId)
            .setParameter("limit", limit + 1)
            .getResultList();
        Map<Long, Measurement> found = new HashMap<>();
        if (!ids.isEmpty()) {
            entityManager.createQuery("SELECT m FROM Measurement m JOIN FETCH m.indicator WHERE m.id IN :ids", Measurement.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .getResultList().forEach(m -> found.put(m.id, m));
        }
        List<MeasurementView> queue = ids.stream().map(id -> found.get(id.longValue()))
            .map(m -> MeasurementView.of(m, m.indicator.planCode, m.indicator.code, null)).toList();
        return Page.of(queue, limit, m -> QueryParams.cursor(m.recordedAt().toString(), Long.toString(m.id())));
    }

    /** A plan admin reviews any indicator's figures; a steward those of its own organisation. */
    private boolean mayReview(String organisation) {
        return caller.hasRole(Roles.PLAN_ADMIN)
            || (caller.hasRole(Roles.INDICATOR_STEWARD) && organisation != null && organisation.equals(caller.organisation()));
    }

    private static void check(ReviewRequest request) {
        if (request == null || request.decision() == null) {
            throw ProblemException.invalid("decision", "is required: approved or returned");
        }
        if (request.decision() == ReviewState.SUBMITTED) {
            throw ProblemException.invalid("decision", "must be approved or returned, not submitted");
        }
        String reason = request.reason();
        if (reason == null || reason.isBlank()) {
            if (request.decision() == ReviewState.RETURNED) {
                throw ProblemException.invalid("reason", "is required when a figure is returned: what the reporter should correct");
            }
        } else if (reason.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "is longer than " + MAX_REASON + " characters");
        } else if (Text.fault(reason) != null) {
            throw ProblemException.invalid("reason", Text.fault(reason));
        }
    }

    private static Long id(String measurementId) {
        try {
            return Long.parseLong(measurementId);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
