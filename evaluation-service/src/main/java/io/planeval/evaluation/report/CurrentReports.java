package io.planeval.evaluation.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.evaluation.readmodel.PlansChanged;

/**
 * The current report of each plan and year, computed and written as JSON once and served as those bytes until an
 * applied event changes the plan: dashboards read far more often than measurements arrive, and writing a
 * 5,000-indicator report costs more than reading it. Readers arriving while it is computed wait for that one
 * computation instead of starting their own. A report computed while the plan changed is not kept, so a stale one
 * is never served. Reports as of a moment are not cached (they are asked rarely).
 */
@ApplicationScoped
public class CurrentReports {

    private final Map<String, byte[]> reports = new ConcurrentHashMap<>();
    private final Map<String, Object> computing = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    @Inject
    ObjectMapper objectMapper;

    /** The report as JSON (UTF-8). */
    public byte[] get(String planCode, Integer fiscalYear, Supplier<PlanReport> compute) {
        String key = planCode + "/" + fiscalYear;
        byte[] cached = reports.get(key);
        if (cached != null) {
            return cached;
        }
        synchronized (computing.computeIfAbsent(key, k -> new Object())) {
            cached = reports.get(key);
            if (cached != null) {
                return cached;
            }
            long generation = generation(planCode).get();
            byte[] report = json(compute.get());
            if (generation(planCode).get() == generation) {
                reports.put(key, report);
            }
            return report;
        }
    }

    void changed(@Observes PlansChanged event) {
        generations.forEach((plan, generation) -> {
            if (event.includes(plan)) {
                generation.incrementAndGet();
            }
        });
        reports.keySet().removeIf(key -> event.includes(key.substring(0, key.lastIndexOf('/'))));
    }

    private AtomicLong generation(String planCode) {
        return generations.computeIfAbsent(planCode, p -> new AtomicLong());
    }

    private byte[] json(PlanReport report) {
        try {
            return objectMapper.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report of " + report.planCode(), e);
        }
    }
}
