package io.planeval.evaluation.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.planeval.evaluation.EvaluationConfig;
import io.planeval.evaluation.readmodel.PlanStates;

/**
 * The current report of each plan and year, computed and written as JSON once and served as those bytes while the
 * plan's read-model generation stays the same: dashboards read far more often than measurements arrive, and writing
 * a 5,000-indicator report costs more than reading it. The generation is the database's, raised by whichever
 * instance applies a change, so every instance serves the new figures at once (each learns of it at that commit,
 * {@link PlanStates}). Readers arriving while a report is computed wait for that one computation instead of starting
 * their own: hand-written (a lock per key) because Caffeine's {@code get(key, loader)} computes inside its map's bin
 * lock, where a computation of seconds would hold up reads of other plans that share the bin. Reports (and the committee packs made of them) are dropped, the least read first, beyond
 * {@code planeval.evaluation.report-cache-memory} (their bytes, in a Caffeine cache). Reports as of a moment are not cached (they are asked rarely).
 */
@ApplicationScoped
public class CurrentReports {

    /** A report as JSON with its ETag, and the generation of the plan it was computed at (or after). */
    private record Cached(long generation, CachedReads.Tagged report) {
    }

    private final Map<String, Object> computing = new ConcurrentHashMap<>();
    private Cache<String, Cached> reports;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    PlanStates planStates;

    @Inject
    EvaluationConfig config;

    @PostConstruct
    void bound() {
        reports = Caffeine.newBuilder()
            .maximumWeight(config.reportCacheMemory().asLongValue())
            .weigher((String key, Cached cached) -> cached.report().body().length)
            .executor(Runnable::run)
            .build();
    }

    /** The report as JSON (UTF-8), with its ETag. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CachedReads.Tagged get(String planCode, Integer fiscalYear, Supplier<PlanReport> compute) {
        return cached(planCode, planCode + "/" + fiscalYear, () -> json(compute.get()));
    }

    /**
     * The committee pack of the plan's year now, in a format, with its ETag: kept with the reports while the plan's
     * generation stays the same, as a pack takes seconds to make and a committee opens the same one many times.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CachedReads.Tagged pack(String planCode, Integer fiscalYear, String format, Supplier<byte[]> compute) {
        return cached(planCode, planCode + "/" + fiscalYear + "/pack." + format, compute);
    }

    private CachedReads.Tagged cached(String planCode, String key, Supplier<byte[]> compute) {
        long generation = planStates.get(planCode).map(PlanStates.PlanState::generation).orElse(0L);
        Cached cached = reports.getIfPresent(key);
        if (cached != null && cached.generation() == generation) {
            return cached.report();
        }
        synchronized (computing.computeIfAbsent(key, k -> new Object())) {
            cached = reports.getIfPresent(key);
            if (cached != null && cached.generation() == generation) {
                return cached.report();
            }
            // Computed from what was committed at this generation or later: a change committed meanwhile raised the
            // generation, so the next read computes again rather than keep what this one missed.
            CachedReads.Tagged report = CachedReads.Tagged.of(compute.get());
            reports.put(key, new Cached(generation, report));
            return report;
        }
    }

    private byte[] json(PlanReport report) {
        try {
            return objectMapper.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report of " + report.planCode(), e);
        }
    }
}
