package io.planeval.evaluation.webhook;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Actor;
import io.planeval.contracts.EventTypes;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.DeliveryState;
import io.planeval.evaluation.EvaluationConfig;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.persistence.SqlArrays;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;

/** The subscriptions of other systems to planeval's events: created, listed, rotated and removed by plan admins. */
@ApplicationScoped
public class Webhooks {

    /** The events a subscription may ask for. */
    static final List<String> TYPES = List.of(EventTypes.MEASUREMENT_UPDATED, EventTypes.MEASUREMENT_REVIEWED, EventTypes.EVALUATION_CHANGED,
        EventTypes.TALLY_OVERDUE, EventTypes.REPORT_FIXED, EventTypes.REMINDER_SENT);
    static final String TYPES_LISTED = "planeval.measurement.updated.v1, planeval.measurement.reviewed.v1, planeval.evaluation.changed.v1, "
        + "planeval.tally.overdue.v1, planeval.report.fixed.v1, planeval.reminder.sent.v1";
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_URL = 2000;
    static final int MAX_PLANS = 100;
    /** How long a rotated secret still signs beside the new one. */
    static final String ROTATION_OVERLAP = "24 hours";
    private static final String COLUMNS = "id, url, event_types, plan_codes, description, created_at, created_by::text, failing_since";

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModel readModel;

    @Inject
    Caller caller;

    @Inject
    EvaluationConfig config;

    /** Creates the subscription; the answer carries its secret, the only time it is shown. */
    @Transactional
    public Webhook create(Webhook body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a subscription is required: {\"url\": \"https://…\", \"eventTypes\": [\"" + EventTypes.MEASUREMENT_UPDATED + "\"]}");
        }
        List<Violation> violations = new ArrayList<>();
        if (body.url() == null || body.url().isBlank()) {
            violations.add(new Violation("url", "is required"));
        } else if (body.url().length() > MAX_URL) {
            violations.add(new Violation("url", "is longer than " + MAX_URL + " characters"));
        } else {
            WebhookAddresses.refusal(body.url(), allowedHosts()).ifPresent(reason -> violations.add(new Violation("url", reason)));
        }
        if (body.eventTypes() == null || body.eventTypes().isEmpty()) {
            violations.add(new Violation("eventTypes", "at least one is required: " + TYPES_LISTED));
        } else {
            for (int i = 0; i < body.eventTypes().size(); i++) {
                if (!TYPES.contains(body.eventTypes().get(i))) {
                    violations.add(new Violation("eventTypes[" + i + "]", "'" + Text.excerpt(String.valueOf(body.eventTypes().get(i)))
                        + "' is not one of " + TYPES_LISTED));
                }
            }
        }
        List<String> plans = body.planCodes() == null ? List.of() : body.planCodes();
        if (plans.size() > MAX_PLANS) {
            violations.add(new Violation("planCodes", "has " + plans.size() + " plans; at most " + MAX_PLANS + " are taken"));
        } else {
            for (int i = 0; i < plans.size(); i++) {
                if (plans.get(i) == null || readModel.plan(plans.get(i), Moments.EVERYTHING_RECORDED).isEmpty()) {
                    violations.add(new Violation("planCodes[" + i + "]", "plan " + Text.excerpt(String.valueOf(plans.get(i))) + " is not known"));
                }
            }
        }
        if (body.description() != null && (body.description().length() > MAX_DESCRIPTION || Text.fault(body.description()) != null)) {
            violations.add(new Violation("description", body.description().length() > MAX_DESCRIPTION
                ? "is longer than " + MAX_DESCRIPTION + " characters" : Text.fault(body.description())));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String secret = WebhookSignature.newSecret();
        long id = ((Number) entityManager.createNativeQuery("""
                INSERT INTO webhook (url, event_types, plan_codes, description, secret, created_at, created_by)
                VALUES (:url, :types, :plans, :description, :secret, :now, CAST(:by AS jsonb)) RETURNING id""")
            .setParameter("url", body.url())
            .setParameter("types", body.eventTypes().stream().distinct().toArray(String[]::new))
            .setParameter("plans", plans.stream().distinct().toArray(String[]::new))
            .setParameter("description", body.description())
            .setParameter("secret", secret)
            .setParameter("now", Moments.now())
            .setParameter("by", readModel.json(caller.actor()))
            .getSingleResult()).longValue();
        return get(id).withSecret(secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Webhook get(long id) {
        List<?> rows = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM webhook WHERE id = :id").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No webhook " + id);
        }
        return webhook((Object[]) rows.get(0));
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Webhook> all() {
        return ((List<Object[]>) entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM webhook ORDER BY id").getResultList())
            .stream().map(this::webhook).toList();
    }

    /** A new secret; the previous one signs beside it for a day, so that the receiver can switch without a gap. */
    @Transactional
    public Webhook rotate(long id) {
        get(id);
        String secret = WebhookSignature.newSecret();
        entityManager.createNativeQuery("""
                UPDATE webhook SET previous_secret = secret, previous_secret_until = CAST(:now AS timestamptz) + CAST(:overlap AS interval),
                       secret = :secret WHERE id = :id""")
            .setParameter("now", Moments.now())
            .setParameter("overlap", ROTATION_OVERLAP)
            .setParameter("secret", secret)
            .setParameter("id", id)
            .executeUpdate();
        return get(id).withSecret(secret);
    }

    @Transactional
    public void delete(long id) {
        if (entityManager.createNativeQuery("DELETE FROM webhook WHERE id = :id").setParameter("id", id).executeUpdate() == 0) {
            throw ProblemException.notFound("No webhook " + id);
        }
    }

    /** The attempts at delivering to the subscription, the newest first. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookAttempt> attempts(long id, int limit) {
        get(id);
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT d.id, d.message_id, d.event_type, d.plan_code, a.attempt, a.attempted_at, a.answer_status, a.error, d.state
                  FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                 WHERE d.webhook_id = :id ORDER BY a.attempted_at DESC, d.id DESC, a.attempt DESC LIMIT :limit""")
            .setParameter("id", id)
            .setParameter("limit", limit)
            .getResultList();
        return rows.stream().map(row -> new WebhookAttempt(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
            ((Number) row[4]).intValue(), Moments.of(row[5]), row[6] == null ? null : ((Number) row[6]).intValue(), (String) row[7],
            Vocabulary.of(DeliveryState.class, (String) row[8]))).toList();
    }

    List<String> allowedHosts() {
        return config.webhooks().allowedHosts().orElse(List.of());
    }

    private Webhook webhook(Object[] row) {
        return new Webhook(((Number) row[0]).longValue(), (String) row[1], SqlArrays.texts(row[2]), SqlArrays.texts(row[3]),
            (String) row[4], null, Moments.of(row[5]), row[6] == null ? null : readModel.read((String) row[6], Actor.class),
            row[7] == null ? null : Moments.of(row[7]));
    }
}
