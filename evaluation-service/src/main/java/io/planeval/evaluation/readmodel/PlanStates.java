package io.planeval.evaluation.readmodel;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.agroal.api.AgroalDataSource;
import io.planeval.evaluation.EvaluationConfig;
import io.planeval.support.notice.BackgroundLoop;
import io.planeval.support.notice.ChannelListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * What every evaluation read asks first, kept in memory so that a revalidation (304) touches no database: each
 * plan's generation and whether it is open data. Any instance that changes a plan's read model gives notice at
 * commit ({@link ReadModel#newGeneration}); every instance listens and forgets what it kept, and the instance that
 * committed forgets at once, so it reads its own writes. While nobody listens (the connection is lost), nothing is
 * kept; and nothing is kept longer than {@code planeval.evaluation.plan-state-max-age}, the safety net for a notice
 * lost on a silently dead connection.
 */
@ApplicationScoped
public class PlanStates {

    private static final Logger LOG = Logger.getLogger(PlanStates.class);

    /** A plan's generation (0: nothing applied yet) and whether its latest version makes it open data. */
    public record PlanState(long generation, boolean openData) {
    }

    private Cache<String, PlanState> kept;
    /** Raised by every forgetting, so that a state read from the database before it is not kept after it. */
    private final AtomicLong forgettings = new AtomicLong();
    private volatile boolean listening;
    private BackgroundLoop worker;

    @Inject
    ReadModel readModel;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EvaluationConfig config;

    @PostConstruct
    void expiring() {
        kept = Caffeine.newBuilder().expireAfterWrite(config.planStateMaxAge()).executor(Runnable::run).build();
    }

    void onStart(@Observes StartupEvent event) {
        worker = BackgroundLoop.start("plan-states", this::follow);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
    }

    /** The plan's state as committed now, or empty for a plan not known. */
    public Optional<PlanState> get(String planCode) {
        PlanState known = listening ? kept.getIfPresent(planCode) : null;
        if (known != null) {
            return Optional.of(known);
        }
        long before = forgettings.get();
        Optional<PlanState> state = QuarkusTransaction.joiningExisting().call(() -> readModel.state(planCode));
        if (state.isPresent() && listening) {
            kept.put(planCode, state.get());
            if (forgettings.get() != before) {
                kept.asMap().remove(planCode, state.get()); // a change committed while it was read: it may be stale already
            }
        }
        return state;
    }

    /** Forgets every state kept: a plan changed, on this instance or another. */
    void forget() {
        forgettings.incrementAndGet();
        kept.invalidateAll();
    }

    private void follow(BackgroundLoop loop) {
        try (ChannelListener notices = new ChannelListener(dataSource, ReadModel.CHANGED_CHANNEL)) {
            while (loop.running()) {
                boolean notified = notices.await(config.stream().pollInterval());
                boolean nowListening = notices.listening();
                // Changes committed before listening (again) gave no notice here.
                if (notified || !nowListening || !listening) {
                    forget();
                }
                listening = nowListening;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            listening = false;
            forget();
            LOG.errorf(e, "Plan states are no longer followed: every read asks the database");
        }
    }
}
