package io.planeval.indicator.measurements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.Topics;
import io.planeval.indicator.indicators.Indicator;
import io.planeval.indicator.indicators.IndicatorService;
import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;

/**
 * Stores measurements, all or nothing: every row is checked first, then each becomes the next revision of its
 * indicator and period, with its measurement-updated event in the same transaction.
 */
@ApplicationScoped
public class MeasurementService {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    ObjectMapper objectMapper;

    /** The response to a post: the stored one again when {@code replayed}. */
    public record Posted(int status, String body, boolean replayed) {
    }

    /** A posted measurement with the plan and indicator it is for. */
    public record Row(String planCode, String indicatorCode, MeasurementInput input) {
    }

    /**
     * Runs {@code work} (which stores measurements) once per idempotency key: a repeat of the same request gets
     * the stored response and stores nothing; without a key every request stores.
     */
    @Transactional
    public Posted post(String idempotencyKey, String requestHash, Supplier<Object> work) {
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.StoredResponse> prior = idempotencyKeys.claim(idempotencyKey, requestHash);
            if (prior.isPresent()) {
                return new Posted(prior.get().status(), prior.get().body(), true);
            }
        }
        String body = json(work.get());
        if (idempotencyKey != null) {
            idempotencyKeys.complete(idempotencyKey, 201, body);
        }
        return new Posted(201, body, false);
    }

    /** One measurement posted to its indicator's URL: an unknown plan or indicator is 404, not a bad row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MeasurementView recordOne(String planCode, String indicatorCode, MeasurementInput input) {
        IndicatorService.knownPlan(planCode);
        Indicator.find(planCode, indicatorCode)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " has no indicator " + indicatorCode));
        return record(List.of(new Row(planCode, indicatorCode, input)), i -> "").get(0);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MeasurementView> revisions(String planCode, String indicatorCode, Integer fiscalYear) {
        IndicatorService.knownPlan(planCode);
        Indicator.find(planCode, indicatorCode)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " has no indicator " + indicatorCode));
        List<Measurement> found = fiscalYear == null
            ? Measurement.list("indicator.planCode = ?1 and indicator.code = ?2 order by recordedAt desc, id desc", planCode, indicatorCode)
            : Measurement.list("indicator.planCode = ?1 and indicator.code = ?2 and fiscalYear = ?3 order by recordedAt desc, id desc",
                planCode, indicatorCode, fiscalYear);
        return found.stream().map(m -> MeasurementView.of(m, planCode, indicatorCode)).toList();
    }

    /**
     * Stores every row or none. {@code fieldPrefix} names a row in violations ({@code [3].} for JSON,
     * {@code line 4: } for CSV), so a client can find each bad row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MeasurementView> record(List<Row> rows, IntFunction<String> fieldPrefix) {
        Map<String, KnownPlan> plans = new HashMap<>();
        for (Row row : rows) {
            if (row.planCode() != null && !plans.containsKey(row.planCode())) {
                plans.put(row.planCode(), KnownPlan.findById(row.planCode()));
            }
        }
        Map<String, Indicator> indicators = lockIndicators(rows);
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String at = fieldPrefix.apply(i);
            if (row.input() == null) {
                violations.add(new Violation(at.isEmpty() ? "body" : at, "must be a measurement, not null"));
                continue;
            }
            KnownPlan plan = row.planCode() == null ? null : plans.get(row.planCode());
            Indicator indicator = indicators.get(key(row.planCode(), row.indicatorCode()));
            if (row.planCode() == null) {
                violations.add(new Violation(at + "planCode", "is required"));
            } else if (plan == null) {
                violations.add(new Violation(at + "planCode", row.planCode() + " is not a known plan"));
            } else if (row.indicatorCode() == null) {
                violations.add(new Violation(at + "indicatorCode", "is required"));
            } else if (indicator == null) {
                violations.add(new Violation(at + "indicatorCode", "plan " + row.planCode() + " has no indicator " + row.indicatorCode()));
            } else {
                MeasurementRules.check(at, row.input(), indicator, plan, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return store(rows, indicators);
    }

    private List<MeasurementView> store(List<Row> rows, Map<String, Indicator> indicators) {
        Map<String, Integer> lastRevision = lastRevisions(indicators.values());
        Instant now = Instant.now();
        List<MeasurementView> stored = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Indicator indicator = indicators.get(key(row.planCode(), row.indicatorCode()));
            MeasurementInput in = row.input();
            Measurement m = new Measurement();
            m.indicator = indicator;
            m.fiscalYear = in.fiscalYear();
            m.quarter = in.quarter();
            m.month = in.month();
            m.revision = lastRevision.merge(periodKey(indicator.id, in.fiscalYear(), in.quarter(), in.month()), 1, Integer::sum);
            m.value = in.value();
            m.outcome = in.outcome();
            m.status = in.status();
            m.expectedDate = in.expectedDate();
            m.describesDate = in.describesDate();
            m.sourceSystem = in.sourceSystem();
            m.note = in.note();
            m.recordedAt = now;
            m.persist();
            MeasurementView view = MeasurementView.of(m, indicator.planCode, indicator.code);
            outbox.append(Topics.MEASUREMENTS, indicator.planCode, EventTypes.MEASUREMENT_UPDATED, view.event());
            stored.add(view);
        }
        return stored;
    }

    /** The indicators the rows name, locked in id order so that concurrent posts number revisions one after another. */
    private Map<String, Indicator> lockIndicators(List<Row> rows) {
        Set<String> planCodes = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        rows.stream().filter(r -> r.planCode() != null && r.indicatorCode() != null).forEach(r -> {
            planCodes.add(r.planCode());
            codes.add(r.indicatorCode());
        });
        Map<String, Indicator> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        entityManager.createQuery("FROM Indicator WHERE planCode IN :plans AND code IN :codes ORDER BY id", Indicator.class)
            .setParameter("plans", planCodes)
            .setParameter("codes", codes)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()
            .forEach(indicator -> found.put(key(indicator.planCode, indicator.code), indicator));
        return found;
    }

    private Map<String, Integer> lastRevisions(Collection<Indicator> indicators) {
        Map<String, Integer> last = new HashMap<>();
        if (indicators.isEmpty()) {
            return last;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT indicator_id, fiscal_year, quarter, month, max(revision) FROM measurement
                WHERE indicator_id IN (:ids) GROUP BY indicator_id, fiscal_year, quarter, month""")
            .setParameter("ids", indicators.stream().map(i -> i.id).toList())
            .getResultList();
        for (Object[] row : rows) {
            last.put(periodKey(((Number) row[0]).longValue(), ((Number) row[1]).intValue(), toInteger(row[2]), toInteger(row[3])),
                ((Number) row[4]).intValue());
        }
        return last;
    }

    private static Integer toInteger(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static String key(String planCode, String indicatorCode) {
        return planCode + "/" + indicatorCode;
    }

    private static String periodKey(long indicatorId, int fiscalYear, Integer quarter, Integer month) {
        return indicatorId + "/" + fiscalYear + "/" + Objects.toString(quarter, "-") + "/" + Objects.toString(month, "-");
    }
}
