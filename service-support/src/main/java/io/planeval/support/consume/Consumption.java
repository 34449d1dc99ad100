package io.planeval.support.consume;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.planeval.support.SupportConfig;
import io.planeval.support.events.EventMetrics;
import io.planeval.support.events.EventTracing;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way planeval services apply consumed events. Each attempt runs in its own transaction. A failure while the
 * database is away is passing: it is retried for as long as that lasts, blocking the partition, because skipping
 * the event would lose it. Any other failure is retried {@code planeval.consumer.max-attempts} times; then the event
 * is parked with its reason ({@link ParkedEvents}) and the next one is applied, so that one bad event never stalls
 * a topic. A {@link PoisonEvent} is parked at once. Shutting down gives up, and the event comes again after the restart.
 */
@ApplicationScoped
public class Consumption {

    private static final Logger LOG = Logger.getLogger(Consumption.class);

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

    /** Why attempts at some work ended without it being done. */
    public static final class GaveUp extends RuntimeException {

        private final int attempts;

        GaveUp(String reason, int attempts, Throwable cause) {
            super(reason, cause);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }

    /** Applies one record: the work's result, or empty when the record was parked instead. */
    public <T> Optional<T> apply(ConsumerRecord<String, String> record, Supplier<T> work) {
        try {
            return Optional.of(applyTogether(List.of(record), record.topic() + "-" + record.partition() + "@"
                + record.offset(), work));
        } catch (GaveUp e) {
            untilDone("parking " + record.topic() + "@" + record.offset(),
                () -> parked.park(record, e.getMessage(), e.attempts()));
            return Optional.empty();
        }
    }

    /**
     * Applies records in one transaction ({@link #attempt}), traced and counted once it commits.
     *
     * @throws GaveUp as {@link #attempt} does; nothing is parked then, the caller decides
     */
    public <T> T applyTogether(Iterable<ConsumerRecord<String, String>> records, String what, Supplier<T> work) {
        try (EventTracing.Applying traced = tracing.applying(records)) {
            try {
                T applied = attempt(what, work);
                metrics.applied(records);
                return applied;
            } catch (GaveUp e) {
                traced.failed(e);
                throw e;
            }
        }
    }

    /**
     * Runs the work in a new transaction until it commits.
     *
     * @throws GaveUp after a {@link PoisonEvent}, or after the attempts allowed while the database was reachable
     */
    public <T> T attempt(String what, Supplier<T> work) {
        int attempts = 0;
        int pauses = 0;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (PoisonEvent e) {
                throw new GaveUp(e.getMessage(), attempts + 1, e);
            } catch (RuntimeException e) {
                stopIfShuttingDown(e);
                if (databaseReachable()) {
                    attempts++;
                    if (attempts >= config.consumer().maxAttempts()) {
                        throw new GaveUp("failed " + attempts + " times: " + rootMessage(e), attempts, e);
                    }
                }
                pause(what, ++pauses, e);
            }
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
