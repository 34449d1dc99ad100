package io.planeval.evaluation.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.DeliveryState;
import io.planeval.evaluation.EvaluationConfig;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the deliveries that are due: each POSTed to its subscription's URL, signed, with the same webhook-id on every
 * attempt; retried with a doubling pause (from planeval.evaluation.webhooks.first-retry, at most an hour) for
 * planeval.evaluation.webhooks.retry-for, then given up on and the subscription marked failing. An instance takes a
 * batch with a lease (FOR UPDATE SKIP LOCKED), so instances share the work and one that dies leaves its batch to others.
 * Redirects are not followed, and an answer is read no further than {@link #MAX_ANSWER} bytes.
 */
@ApplicationScoped
@Startup
public class WebhookDeliveries {

    static final int BATCH = 50;
    static final int MAX_ANSWER = 64 * 1024;
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    /** A delivery taken to be attempted, with what the attempt needs of its subscription. */
    record Due(long id, String messageId, byte[] body, int attempt, Instant createdAt, long webhookId, String url, String secret,
               String previousSecret) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    EvaluationConfig config;

    @Inject
    Webhooks webhooks;

    @Inject
    MeterRegistry metrics;

    private HttpClient client;
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong failing = new AtomicLong();

    @PostConstruct
    void start() {
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.webhooks().timeout()).build();
        metrics.gauge("planeval.webhook.oldest.pending.age.seconds", oldestPendingSeconds);
        metrics.gauge("planeval.webhooks.failing", failing);
        // Every outcome is counted from the start, so that alerts and the dashboard see zeros before the first delivery.
        for (String outcome : List.of("delivered", "failed", "abandoned")) {
            metrics.counter("planeval.webhook.deliveries", "outcome", outcome);
        }
    }

    @Scheduled(every = "${planeval.evaluation.webhooks.delivery-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
        skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        deliver();
    }

    /** Attempts each delivery due now that no other instance holds; returns how many were taken by their receivers. */
    @ActivateRequestContext
    public int deliver() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::claim);
        int delivered = 0;
        for (Due delivery : due) {
            delivered += attempt(delivery) ? 1 : 0;
        }
        QuarkusTransaction.requiringNew().run(this::measure);
        return delivered;
    }

    @SuppressWarnings("unchecked")
    List<Due> claim() {
        Instant now = Moments.now();
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = :lease
                  FROM webhook w
                 WHERE w.id = d.webhook_id AND d.id IN (
                       SELECT id FROM webhook_delivery WHERE state = 'pending' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.message_id, d.body, d.attempts, d.created_at, w.id, w.url, w.secret,
                          CASE WHEN w.previous_secret_until > :now THEN w.previous_secret END""")
            .setParameter("lease", now.plus(config.webhooks().timeout().multipliedBy(3)))
            .setParameter("now", now)
            .setParameter("batch", BATCH)
            .getResultList();
        return rows.stream().map(row -> new Due(((Number) row[0]).longValue(), (String) row[1], (byte[]) row[2], ((Number) row[3]).intValue(),
            Moments.of(row[4]), ((Number) row[5]).longValue(), (String) row[6], (String) row[7], (String) row[8])).toList();
    }

    /** One attempt, recorded; true where the receiver took it (2xx). */
    private boolean attempt(Due delivery) {
        Integer status = null;
        String error = null;
        Optional<String> refusal = WebhookAddresses.refusal(delivery.url(), webhooks.allowedHosts());
        if (refusal.isPresent()) {
            error = "the URL " + refusal.get();
        } else {
            long timestamp = Moments.now().getEpochSecond();
            String signature = WebhookSignature.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.body())
                + (delivery.previousSecret() == null ? "" : " " + WebhookSignature.sign(delivery.previousSecret(), delivery.messageId(), timestamp, delivery.body()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(config.webhooks().timeout())
                .header("Content-Type", "application/cloudevents+json")
                .header("User-Agent", "planeval-webhooks")
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream answer = response.body()) {
                    // Read a bounded part of the answer so the connection can be reused; what it says is not used.
                    answer.readNBytes(MAX_ANSWER);
                }
                status = response.statusCode();
                if (status < 200 || status > 299) {
                    error = "answered " + status;
                }
            } catch (IOException e) {
                error = String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        boolean delivered = error == null;
        Integer answered = status;
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> record(delivery, answered, failure));
        metrics.counter("planeval.webhook.deliveries", "outcome", delivered ? "delivered" : "failed").increment();
        return delivered;
    }

    private void record(Due delivery, Integer status, String error) {
        Instant now = Moments.now();
        entityManager.createNativeQuery("""
                INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, answer_status, error) VALUES (:id, :attempt, :now, :status, :error)
                ON CONFLICT DO NOTHING""")
            .setParameter("id", delivery.id())
            .setParameter("attempt", delivery.attempt())
            .setParameter("now", now)
            .setParameter("status", status)
            .setParameter("error", error == null ? null : Text.excerpt(error))
            .executeUpdate();
        DeliveryState state;
        Instant next = now;
        if (error == null) {
            state = DeliveryState.DELIVERED;
        } else if (!now.isBefore(delivery.createdAt().plus(config.webhooks().retryFor()))) {
            state = DeliveryState.ABANDONED;
            metrics.counter("planeval.webhook.deliveries", "outcome", "abandoned").increment();
        } else {
            state = DeliveryState.PENDING;
            next = now.plus(pause(delivery.attempt()));
        }
        entityManager.createNativeQuery("""
                UPDATE webhook_delivery SET state = :state, next_attempt_at = :next,
                       delivered_at = CASE WHEN :state = 'delivered' THEN CAST(:now AS timestamptz) END WHERE id = :id""")
            .setParameter("state", Vocabulary.wire(state))
            .setParameter("next", next)
            .setParameter("now", now)
            .setParameter("id", delivery.id())
            .executeUpdate();
        if (state != DeliveryState.PENDING) {
            entityManager.createNativeQuery("""
                    UPDATE webhook SET failing_since = CASE WHEN :failing THEN COALESCE(failing_since, CAST(:now AS timestamptz)) END
                     WHERE id = :id""")
                .setParameter("failing", state == DeliveryState.ABANDONED)
                .setParameter("now", now)
                .setParameter("id", delivery.webhookId())
                .executeUpdate();
        }
    }

    /** The pause after the attempt: the first retry's, doubled after each further failure, at most an hour. */
    Duration pause(int attempt) {
        Duration pause = config.webhooks().firstRetry();
        for (int i = 1; i < attempt && pause.compareTo(LONGEST_PAUSE) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private void measure() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT (SELECT min(created_at) FROM webhook_delivery WHERE state = 'pending'),
                       (SELECT count(*) FROM webhook WHERE failing_since IS NOT NULL)""").getSingleResult();
        oldestPendingSeconds.set(row[0] == null ? 0 : Duration.between(Moments.of(row[0]), Moments.now()).toSeconds());
        failing.set(((Number) row[1]).longValue());
    }
}
