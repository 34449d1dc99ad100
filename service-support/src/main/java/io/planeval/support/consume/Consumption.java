package io.planeval.support.consume;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.planeval.support.SupportConfig;
import io.planeval.support.events.EventMetrics;
import io.planeval.support.events.EventTracing;
import io.planeval.support.time.Moments;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way planeval services apply consumed events. Each attempt runs in its own transaction. An event is parked
 * ({@link ParkedEvents}) only when no version of the code could ever apply it: a {@link PoisonEvent} (unreadable, or
 * against its contract). Any other failure is retried, with growing pauses, until it passes, however long that takes,
 * blocking the partition: a figure the API accepted is never set aside, and a failure that a fix or the database's
 * return ends is applied then. While an event keeps failing, {@link #failing()} says which and why ({@code
 * /q/health/well} and the {@code planeval.events.failing} gauge). Shutting down gives up, and the event comes again
 * after the restart.
 */
@ApplicationScoped
public class Consumption {

    private static final Logger LOG = Logger.getLogger(Consumption.class);

    /** An event, or batch, that failed and is being attempted again: what it is, since when, and the last reason. */
    public record Failing(String what, Instant since, int attempts, String reason) {
    }

    @Inject
    EventMetrics metrics;

    @Inject
    EventTracing tracing;

    @Inject
    SupportConfig config;

    @Inject
    ParkedEvents parked;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    private final ConcurrentHashMap<String, Failing> failing = new ConcurrentHashMap<>();

    @PostConstruct
    void registerGauge() {
        registry.gaugeMapSize("planeval.events.failing", List.of(), failing);
    }

    /** Why a batch was not applied together: one of its events is poison, or it failed every attempt allowed. */
    public static final class GaveUp extends RuntimeException {

        GaveUp(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** What keeps failing now, in this instance: empty while every event applies. */
    public List<Failing> failing() {
        return List.copyOf(failing.values());
    }

    /** Applies one record until it is applied: the work's result, or empty when the record was poison and is parked. */
    public <T> Optional<T> apply(ConsumerRecord<String, String> record, Supplier<T> work) {
        String what = record.topic() + "-" + record.partition() + "@" + record.offset();
        try (EventTracing.Applying traced = tracing.applying(List.of(record))) {
            try {
                T applied = attempt(what, work, Integer.MAX_VALUE);
                metrics.applied(List.of(record));
                return Optional.of(applied);
            } catch (GaveUp e) {
                traced.failed(e);
                untilDone("parking " + what, () -> parked.park(record, e.getMessage(), 1));
                return Optional.empty();
            }
        }
    }

    /**
     * Applies records in one transaction, traced and counted once it commits.
     *
     * @throws GaveUp when one of them is poison, or after {@code planeval.consumer.batch-attempts} failures while the
     *     database was reachable: the caller then applies them one at a time ({@link #apply})
     */
    public <T> T applyTogether(Iterable<ConsumerRecord<String, String>> records, String what, Supplier<T> work) {
        try (EventTracing.Applying traced = tracing.applying(records)) {
            try {
                T applied = attempt(what, work, config.consumer().batchAttempts());
                metrics.applied(records);
                return applied;
            } catch (GaveUp e) {
                traced.failed(e);
                throw e;
            }
        }
    }

    /** Runs the work in a new transaction until it commits, or it proves poison, or it failed {@code allowed} times. */
    private <T> T attempt(String what, Supplier<T> work, int allowed) {
        int failures = 0;
        int pauses = 0;
        try {
            while (true) {
                try {
                    return QuarkusTransaction.requiringNew().call(work::get);
                } catch (PoisonEvent e) {
                    throw new GaveUp(e.getMessage(), e);
                } catch (RuntimeException e) {
                    stopIfShuttingDown(e);
                    // Failures while the database is away do not count: nothing is wrong with the event.
                    if (databaseReachable() && ++failures >= allowed) {
                        throw new GaveUp("failed " + failures + " times: " + rootMessage(e), e);
                    }
                    failing.merge(what, new Failing(what, Moments.now(), 1, rootMessage(e)),
                        (before, now) -> new Failing(what, before.since(), before.attempts() + 1, now.reason()));
                    pause(what, ++pauses, e);
                }
            }
        } finally {
            failing.remove(what);
        }
    }

    /** Runs the work in a new transaction until it commits, however long that takes (only the database can stop it). */
    private void untilDone(String what, Runnable work) {
        int pauses = 0;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RuntimeException e) {
                stopIfShuttingDown(e);
                pause(what, ++pauses, e);
            }
        }
    }

    private boolean databaseReachable() {
        try {
            QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("SELECT 1").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void stopIfShuttingDown(RuntimeException e) {
        if (Arc.container() == null || !Arc.container().isRunning()) {
            throw e;
        }
    }

    private void pause(String what, int pauses, RuntimeException e) {
        long millis = Math.min(config.consumer().maxBackoff().toMillis(), 50L << Math.min(pauses, 10));
        LOG.warnf("Applying %s failed (attempt %d), retrying in %d ms: %s", what, pauses, millis, rootMessage(e));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
