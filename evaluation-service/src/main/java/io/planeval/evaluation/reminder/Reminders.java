package io.planeval.evaluation.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.planeval.contracts.ReminderSent;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.ReminderState;
import io.planeval.contracts.Vocabulary.ReminderTiming;
import io.planeval.evaluation.calendar.ReportingCalendar;
import io.planeval.evaluation.calendar.ReportingCalendars;
import io.planeval.evaluation.completeness.Completeness;
import io.planeval.evaluation.completeness.CompletenessQueries;
import io.planeval.evaluation.organisation.Organisation;
import io.planeval.evaluation.organisation.Organisations;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.persistence.SqlArrays;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The reminders of the reporting seasons a plan admin set: at each step, every organisation of the directory still owing
 * figures gets one e-mail listing them. A row in {@code reminder} is the claim that makes one instance send it, whichever
 * finds it first, across restarts and rebuilds; a sending that failed (or an instance died in) is tried again next round.
 */
@ApplicationScoped
@Startup
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);
    /** A step more than a week behind is not sent late: a newer one, or none, stands for it. */
    private static final int LATE_DAYS = 7;
    /** An instance that claimed a sending this long ago and never finished it died in it: another tries. */
    private static final String STALE = "10 minutes";
    private static final int MAX_ATTEMPTS = 5;

    @Inject
    EntityManager entityManager;

    @Inject
    ReportingCalendars calendars;

    @Inject
    CompletenessQueries completeness;

    @Inject
    Organisations organisations;

    @Inject
    ReminderMail mail;

    @Inject
    MeterRegistry metrics;

    @Inject
    Outbox outbox;

    private Counter sentCount;
    private Counter failedCount;

    /** Both outcomes are counted from the start, so that an alert on failures sees a zero before the first one. */
    @PostConstruct
    void count() {
        sentCount = metrics.counter("planeval.reminders", "outcome", "sent");
        failedCount = metrics.counter("planeval.reminders", "outcome", "failed");
    }

    @Scheduled(every = "${planeval.evaluation.reminders.check-interval}", delayed = "${planeval.evaluation.reminders.check-interval}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        remind();
    }

    /** Sends each reminder due today that no instance has sent; returns how many it sent. */
    @ActivateRequestContext
    public int remind() {
        if (!mail.configured()) {
            return 0;
        }
        LocalDate today = LocalDate.now(Moments.JAPAN);
        int sent = 0;
        for (ReportingCalendar calendar : calendars.open(today)) {
            Optional<ReportingCalendar.Step> step = calendar.steps().stream()
                .filter(s -> s.date() != null && !s.date().isAfter(today)).reduce((earlier, later) -> later)
                .filter(s -> !s.date().isBefore(today.minusDays(LATE_DAYS)));
            if (step.isEmpty()) {
                continue;
            }
            Completeness owed = completeness.of(calendar.planCode(), calendar.fiscalYear(), Moments.now());
            Map<String, Organisation> directory = organisations.byCode();
            String planTitle = calendars.knownPlan(calendar.planCode()).title();
            // One message per organisation, listing what each of its departments owes.
            Map<String, List<Completeness.Outstanding>> owedBy = new TreeMap<>();
            owed.organisations().stream().filter(part -> part.organisation() != null)
                .forEach(part -> owedBy.computeIfAbsent(part.organisation(), o -> new ArrayList<>()).addAll(part.outstanding()));
            for (Map.Entry<String, List<Completeness.Outstanding>> entry : owedBy.entrySet()) {
                Organisation organisation = directory.get(entry.getKey());
                List<Completeness.Outstanding> outstanding = entry.getValue();
                if (organisation == null || outstanding.isEmpty()) {
                    continue;
                }
                Optional<Long> claim = QuarkusTransaction.requiringNew().call(() -> claim(calendar, step.get(), organisation, outstanding));
                if (claim.isEmpty()) {
                    continue;
                }
                try {
                    mail.send(mail.message(planTitle, calendar, step.get(), organisation, outstanding));
                    QuarkusTransaction.requiringNew().run(() -> {
                        finish(claim.get(), ReminderState.SENT, null);
                        outbox.append(new ReminderSent(calendar.planCode(), calendar.fiscalYear(), organisation.code(), step.get().timing(),
                            step.get().workingDays(), calendar.dueDate(), outstanding.stream().map(Completeness.Outstanding::code).toList(),
                            Moments.now()));
                    });
                    sentCount.increment();
                    LOG.infof("Reminder %d sent: plan %s, %s, %s %d, %d figures owed, to %d addresses", claim.get(), calendar.planCode(),
                        organisation.code(), step.get().timing(), step.get().workingDays(), outstanding.size(), organisation.contacts().size());
                    sent++;
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    LOG.warnf("Reminder %d (plan %s, %s, %s) was not taken by the SMTP server: %s", claim.get(), calendar.planCode(),
                        organisation.code(), step.get().timing(), e);
                    QuarkusTransaction.requiringNew().run(() -> finish(claim.get(), ReminderState.FAILED, String.valueOf(e.getMessage())));
                    failedCount.increment();
                }
            }
        }
        return sent;
    }

    /** The reminder's id where this instance claimed it: new, failed before, or left by an instance that died sending it. */
    Optional<Long> claim(ReportingCalendar calendar, ReportingCalendar.Step step, Organisation organisation,
                         List<Completeness.Outstanding> outstanding) {
        return entityManager.createNativeQuery("""
                INSERT INTO reminder (plan_code, fiscal_year, organisation_code, timing, working_days, step_date, state, claimed_at,
                                      recipients, indicator_codes)
                VALUES (:plan, :year, :organisation, :timing, :days, :date, 'sending', :now, :recipients, :codes)
                ON CONFLICT (plan_code, fiscal_year, organisation_code, timing, working_days) DO UPDATE
                   SET state = 'sending', attempts = reminder.attempts + 1, claimed_at = EXCLUDED.claimed_at, recipients = EXCLUDED.recipients,
                       indicator_codes = EXCLUDED.indicator_codes
                 WHERE reminder.attempts < :attempts AND (reminder.state = 'failed'
                    OR (reminder.state = 'sending' AND reminder.claimed_at < EXCLUDED.claimed_at - CAST(:stale AS interval)))
                RETURNING id""")
            .setParameter("plan", calendar.planCode())
            .setParameter("year", calendar.fiscalYear())
            .setParameter("organisation", organisation.code())
            .setParameter("timing", Vocabulary.wire(step.timing()))
            .setParameter("days", step.workingDays())
            .setParameter("date", step.date())
            .setParameter("now", Moments.now())
            .setParameter("recipients", organisation.contacts().toArray(String[]::new))
            .setParameter("codes", outstanding.stream().map(Completeness.Outstanding::code).toArray(String[]::new))
            .setParameter("attempts", MAX_ATTEMPTS)
            .setParameter("stale", STALE)
            .getResultStream().findFirst().map(id -> ((Number) id).longValue());
    }

    void finish(long id, ReminderState state, String error) {
        entityManager.createNativeQuery("""
                UPDATE reminder SET state = :state, sent_at = CASE WHEN :state = 'sent' THEN CAST(:now AS timestamptz) END, error = :error
                 WHERE id = :id""")
            .setParameter("state", Vocabulary.wire(state))
            .setParameter("now", Moments.now())
            .setParameter("error", error == null ? null : Text.excerpt(error))
            .setParameter("id", id)
            .executeUpdate();
    }

    /** The reminders of the plan's fiscal year (every year: null), the newest first. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reminder> of(String planCode, Integer fiscalYear) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, fiscal_year, organisation_code, timing, working_days, step_date::text, state, attempts, claimed_at, sent_at,
                       recipients, indicator_codes, error
                  FROM reminder WHERE plan_code = :plan AND (CAST(:year AS integer) IS NULL OR fiscal_year = :year)
                 ORDER BY claimed_at DESC, id DESC""")
            .setParameter("plan", planCode)
            .setParameter("year", fiscalYear)
            .getResultList();
        return rows.stream().map(row -> new Reminder(((Number) row[0]).longValue(), ((Number) row[1]).intValue(), (String) row[2],
            Vocabulary.of(ReminderTiming.class, (String) row[3]), ((Number) row[4]).intValue(), LocalDate.parse((String) row[5]),
            Vocabulary.of(ReminderState.class, (String) row[6]), ((Number) row[7]).intValue(), Moments.of(row[8]),
            row[9] == null ? null : Moments.of(row[9]), SqlArrays.texts(row[10]), SqlArrays.texts(row[11]), (String) row[12])).toList();
    }
}
