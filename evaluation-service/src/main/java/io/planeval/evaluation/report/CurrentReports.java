package io.planeval.evaluation.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.planeval.evaluation.readmodel.PlansChanged;

/**
 * The current report of each plan and year, computed once and served until an applied event changes the plan:
 * dashboards read far more often than measurements arrive. Reports as of a moment are not cached (they are asked
 * rarely). A report computed while the plan changed is not kept, so a stale one is never served.
 */
@ApplicationScoped
public class CurrentReports {

    private final Map<String, PlanReport> reports = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    public PlanReport get(String planCode, Integer fiscalYear, Supplier<PlanReport> compute) {
        String key = planCode + "/" + fiscalYear;
        PlanReport cached = reports.get(key);
        if (cached != null) {
            return cached;
        }
        long generation = generation(planCode).get();
        PlanReport report = compute.get();
        if (generation(planCode).get() == generation) {
            reports.put(key, report);
        }
        return report;
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
}
