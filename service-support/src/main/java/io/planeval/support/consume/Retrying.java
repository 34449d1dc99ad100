package io.planeval.support.consume;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;

/**
 * Applies an event until it is applied: a passing failure (the database restarting, a lock timeout) is retried
 * with growing pauses and blocks the partition meanwhile, because skipping an event would lose it.
 * Only a {@link PoisonEvent} gives up, so the consumer sends it to the dead-letter topic; so does shutting down,
 * and the event is delivered again after the restart.
 */
public final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private Retrying() {
    }

    public static <T> T untilApplied(String what, Supplier<T> apply) {
        int attempt = 0;
        while (true) {
            try {
                return apply.get();
            } catch (PoisonEvent e) {
                throw e;
            } catch (RuntimeException e) {
                if (Arc.container() == null || !Arc.container().isRunning()) {
                    throw e;
                }
                attempt++;
                long pause = Math.min(MAX_PAUSE.toMillis(), 50L << Math.min(attempt, 10));
                LOG.warnf("Applying %s failed (attempt %d), retrying in %d ms: %s", what, attempt, pause, e);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
