package io.planeval.evaluation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.planeval.contracts.Actor;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Vocabulary.ReminderTiming;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.persistence.SqlArrays;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.time.Moments;

/** The reporting seasons of plans: set by plan admins, read by completeness and the reminders. */
@ApplicationScoped
public class ReportingCalendars {

    static final int MAX_DAYS = 60;
    static final int MAX_STEPS = 5;
    private static final List<Integer> DEFAULT_BEFORE = List.of(10, 3);
    private static final List<Integer> DEFAULT_AFTER = List.of(1, 5);

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModel readModel;

    @Inject
    Caller caller;

    /** The season of the plan's fiscal year: as set, or the defaults. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportingCalendar of(String planCode, int fiscalYear) {
        return stored(planCode, fiscalYear).orElseGet(() -> calendar(planCode, fiscalYear, defaultDueDate(fiscalYear), DEFAULT_BEFORE,
            DEFAULT_AFTER, Map.of(), false, null, null));
    }

    /** Every season a plan admin set whose last reminder may still be ahead (or today) on this day. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportingCalendar> open(LocalDate today) {
        // A season is over once its last step is behind: MAX_DAYS working days are at most three months.
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM reporting_calendar WHERE due_date >= :since")
            .setParameter("since", today.minusMonths(3)).getResultList();
        return rows.stream().map(this::calendar).toList();
    }

    /** Sets the season; true where none was set before. */
    @Transactional
    public boolean put(String planCode, String fiscalYearText, ReportingCalendar body) {
        int fiscalYear = fiscalYearOf(planCode, fiscalYearText);
        if (body == null) {
            throw ProblemException.invalid("body", "a calendar is required: {\"dueDate\": \"2025-06-30\", \"remindBefore\": [10, 3], \"remindAfter\": [1, 5]}");
        }
        List<Violation> violations = new ArrayList<>();
        LocalDate due = body.dueDate() == null ? defaultDueDate(fiscalYear) : body.dueDate();
        checkDate(violations, "dueDate", due, fiscalYear);
        List<Integer> before = days(violations, "remindBefore", body.remindBefore(), DEFAULT_BEFORE);
        List<Integer> after = days(violations, "remindAfter", body.remindAfter(), DEFAULT_AFTER);
        Map<String, LocalDate> own = new TreeMap<>();
        if (body.indicatorDueDates() != null) {
            Set<String> known = new HashSet<>(readModel.indicators(planCode, Moments.EVERYTHING_RECORDED).stream().map(IndicatorDefinition::code).toList());
            body.indicatorDueDates().forEach((code, date) -> {
                String field = "indicatorDueDates." + code;
                if (!known.contains(code)) {
                    violations.add(new Violation(field, "plan " + planCode + " has no indicator " + code));
                } else if (date == null) {
                    violations.add(new Violation(field, "is empty: a date such as 2025-08-29"));
                } else if (checkDate(violations, field, date, fiscalYear)) {
                    own.put(code, date);
                }
            });
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        boolean created = stored(planCode, fiscalYear).isEmpty();
        entityManager.createNativeQuery("""
                INSERT INTO reporting_calendar (plan_code, fiscal_year, due_date, remind_before, remind_after, indicator_due_dates,
                                                updated_at, updated_by)
                VALUES (:plan, :year, :due, :before, :after, CAST(:own AS jsonb), :now, CAST(:by AS jsonb))
                ON CONFLICT (plan_code, fiscal_year) DO UPDATE SET due_date = EXCLUDED.due_date, remind_before = EXCLUDED.remind_before,
                    remind_after = EXCLUDED.remind_after, indicator_due_dates = EXCLUDED.indicator_due_dates,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
            .setParameter("plan", planCode)
            .setParameter("year", fiscalYear)
            .setParameter("due", due)
            .setParameter("before", before.toArray(Integer[]::new))
            .setParameter("after", after.toArray(Integer[]::new))
            .setParameter("own", readModel.json(own))
            .setParameter("now", Moments.now())
            .setParameter("by", readModel.json(caller.actor()))
            .executeUpdate();
        return created;
    }

    /** The fiscal year of the path, one of the plan's (404 for a plan not known, 400 for a year outside it). */
    public int fiscalYearOf(String planCode, String fiscalYearText) {
        var plan = knownPlan(planCode);
        Integer year = null;
        try {
            year = Integer.valueOf(fiscalYearText);
        } catch (NumberFormatException e) {
            // named below
        }
        if (year == null || year < plan.firstFiscalYear() || year > plan.lastFiscalYear()) {
            throw ProblemException.invalid("fiscalYear", "'" + fiscalYearText + "' is not a fiscal year of plan " + planCode + " ("
                + plan.firstFiscalYear() + "–" + plan.lastFiscalYear() + ")");
        }
        return year;
    }

    /** The plan as known now; 404 where it is not. */
    public PlanChanged.Plan knownPlan(String planCode) {
        return readModel.plan(planCode, Moments.EVERYTHING_RECORDED)
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " is not known")).plan();
    }

    /** 30 June after the fiscal year ends (31 March): the season most prefectures keep. */
    static LocalDate defaultDueDate(int fiscalYear) {
        return LocalDate.of(fiscalYear + 1, 6, 30);
    }

    /** A due date lies after the fiscal year began and within three years of its end. */
    private static boolean checkDate(List<Violation> violations, String field, LocalDate date, int fiscalYear) {
        if (date.isBefore(LocalDate.of(fiscalYear, 4, 1)) || date.isAfter(LocalDate.of(fiscalYear + 4, 3, 31))) {
            violations.add(new Violation(field, date + " is not within " + FiscalYears.label(fiscalYear) + " or the three years after it"));
            return false;
        }
        return true;
    }

    private static List<Integer> days(List<Violation> violations, String field, List<Integer> days, List<Integer> otherwise) {
        if (days == null) {
            return otherwise;
        }
        if (days.size() > MAX_STEPS) {
            violations.add(new Violation(field, "has " + days.size() + " steps; at most " + MAX_STEPS + " are taken"));
            return otherwise;
        }
        for (int i = 0; i < days.size(); i++) {
            Integer n = days.get(i);
            if (n == null || n < 1 || n > MAX_DAYS) {
                violations.add(new Violation(field + "[" + i + "]", n + " is not a number of working days from 1 to " + MAX_DAYS));
            } else if (days.indexOf(n) != i) {
                violations.add(new Violation(field + "[" + i + "]", n + " is listed twice"));
            }
        }
        return days.stream().distinct().sorted().toList();
    }

    private static final String COLUMNS = "plan_code, fiscal_year, due_date::text, remind_before, remind_after, indicator_due_dates::text, "
        + "updated_at, updated_by::text";

    private Optional<ReportingCalendar> stored(String planCode, int fiscalYear) {
        return entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM reporting_calendar WHERE plan_code = :plan AND fiscal_year = :year")
            .setParameter("plan", planCode).setParameter("year", fiscalYear)
            .getResultStream().findFirst().map(row -> calendar((Object[]) row));
    }

    private ReportingCalendar calendar(Object[] row) {
        Map<String, LocalDate> own = readModel.read((String) row[5], new TypeReference<TreeMap<String, LocalDate>>() { });
        return calendar((String) row[0], ((Number) row[1]).intValue(), LocalDate.parse((String) row[2]), SqlArrays.integers(row[3]), SqlArrays.integers(row[4]), own, true,
            Moments.of(row[6]), row[7] == null ? null : readModel.read((String) row[7], Actor.class));
    }

    private static ReportingCalendar calendar(String planCode, int fiscalYear, LocalDate due, List<Integer> before, List<Integer> after,
                                              Map<String, LocalDate> own, boolean set, Instant updatedAt, Actor updatedBy) {
        WorkingDays days = WorkingDays.japan();
        List<ReportingCalendar.Step> steps = new ArrayList<>();
        before.stream().sorted((a, b) -> b - a).forEach(n -> steps.add(step(days, ReminderTiming.BEFORE, n, due, -n)));
        steps.add(new ReportingCalendar.Step(ReminderTiming.ON, 0, due));
        after.stream().sorted().forEach(n -> steps.add(step(days, ReminderTiming.AFTER, n, due, n)));
        return new ReportingCalendar(planCode, fiscalYear, due, before, after, own, set, steps, days.lastYear(), updatedAt, updatedBy);
    }

    private static ReportingCalendar.Step step(WorkingDays days, ReminderTiming timing, int n, LocalDate due, int offset) {
        try {
            return new ReportingCalendar.Step(timing, n, days.plus(due, offset));
        } catch (IllegalArgumentException beyondTheHolidayList) {
            return new ReportingCalendar.Step(timing, n, null);
        }
    }
}
