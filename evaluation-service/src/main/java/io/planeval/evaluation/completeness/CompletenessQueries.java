package io.planeval.evaluation.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.calendar.ReportingCalendar;
import io.planeval.evaluation.calendar.ReportingCalendars;
import io.planeval.evaluation.calendar.WorkingDays;
import io.planeval.evaluation.organisation.Organisation;
import io.planeval.evaluation.organisation.Organisations;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.time.Moments;

/** Who has reported a fiscal year's figures and who still owes them, as of a moment. */
@ApplicationScoped
public class CompletenessQueries {

    /** The reporter of indicators that name none. */
    private static final ReadModel.Reporter NOBODY = new ReadModel.Reporter(null, null);

    @Inject
    ReadModel readModel;

    @Inject
    ReportingCalendars calendars;

    @Inject
    Organisations organisations;

    /** The plan's completeness for the year (given as text, from the query) as of the moment (null: now). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Completeness of(String planCode, String fiscalYear, Instant asOf) {
        int year = calendars.fiscalYearOf(planCode, fiscalYear);
        return of(planCode, year, asOf == null ? Moments.now() : asOf);
    }

    /** As {@link #of(String, String, Instant)}, for a year known to be the plan's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Completeness of(String planCode, int year, Instant moment) {
        ReportingCalendar calendar = calendars.of(planCode, year);
        LocalDate today = LocalDate.ofInstant(moment, Moments.JAPAN);
        List<IndicatorDefinition> indicators = readModel.indicators(planCode, moment);
        Map<String, Actual> counted = readModel.actuals(planCode, indicators, year, moment);
        Map<String, Actual> pending = readModel.pending(planCode, year, moment);
        Map<String, ReadModel.Reporter> reporterOf = readModel.reporters(planCode, moment);
        Map<String, Organisation> directory = organisations.byCode();

        Map<ReadModel.Reporter, Tally> byReporter = new LinkedHashMap<>();
        Tally totals = new Tally();
        for (IndicatorDefinition indicator : indicators.stream().sorted(Comparator.comparing(IndicatorDefinition::code)).toList()) {
            ReadModel.Reporter reporter = reporterOf.getOrDefault(indicator.code(), NOBODY);
            Tally tally = byReporter.computeIfAbsent(reporter, r -> new Tally());
            LocalDate due = calendar.dueDateOf(indicator.code());
            Actual figure = counted.get(indicator.code());
            boolean awaiting = pending.containsKey(indicator.code());
            MeasurementStatus status = figure == null ? null : figure.status();
            for (Tally t : List.of(tally, totals)) {
                t.expected++;
                if (awaiting) {
                    t.awaitingReview++;
                } else if (status == MeasurementStatus.FINAL) {
                    t.reportedFinal++;
                } else if (status == MeasurementStatus.PRELIMINARY) {
                    t.preliminary++;
                } else if (status == MeasurementStatus.BEING_TALLIED) {
                    t.beingTallied++;
                } else {
                    t.missing++;
                }
                if (!awaiting && status != MeasurementStatus.FINAL && today.isAfter(due)) {
                    t.overdue++;
                }
            }
            if (!awaiting && status != MeasurementStatus.FINAL) {
                tally.outstanding.add(new Completeness.Outstanding(indicator.code(), indicator.name(), status, due, workingDays(today, due),
                    today.isAfter(due)));
            }
        }
        List<Completeness.OrganisationCompleteness> parts = new ArrayList<>();
        byReporter.forEach((reporter, tally) -> {
            Organisation known = reporter.organisation() == null ? null : directory.get(reporter.organisation());
            parts.add(new Completeness.OrganisationCompleteness(reporter.organisation(), reporter.department(),
                known == null ? null : known.name(), tally.counts(), List.copyOf(tally.outstanding)));
        });
        parts.sort(Comparator.comparing((Completeness.OrganisationCompleteness p) -> -p.outstanding().size())
            .thenComparing(p -> Objects.toString(p.organisation(), ""))
            .thenComparing(p -> Objects.toString(p.department(), "")));
        return new Completeness(planCode, year, FiscalYears.label(year), moment, calendar.dueDate(), workingDays(today, calendar.dueDate()),
            totals.counts(), parts);
    }

    /** Working days from today to the day (negative: past it), or null where the holiday list does not reach. */
    private static Integer workingDays(LocalDate today, LocalDate due) {
        try {
            return WorkingDays.japan().between(today, due);
        } catch (IllegalArgumentException beyondTheHolidayList) {
            return null;
        }
    }

    /** Counts as they are added up. */
    private static final class Tally {
        int expected;
        int reportedFinal;
        int preliminary;
        int beingTallied;
        int awaitingReview;
        int missing;
        int overdue;
        final List<Completeness.Outstanding> outstanding = new ArrayList<>();

        Completeness.Counts counts() {
            return new Completeness.Counts(expected, reportedFinal, preliminary, beingTallied, awaitingReview, missing, overdue);
        }
    }
}
