package io.planeval.evaluation.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.planeval.contracts.Vocabulary.Language;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.ReminderTiming;
import io.planeval.evaluation.EvaluationConfig;
import io.planeval.evaluation.calendar.ReportingCalendar;
import io.planeval.evaluation.completeness.Completeness;
import io.planeval.evaluation.organisation.Organisation;
import io.planeval.support.fiscal.FiscalYears;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;

/** A reminder as an organisation receives it (Japanese, or English where it prefers), and its handing over to SMTP. */
@ApplicationScoped
public class ReminderMail {

    @Inject
    Vertx vertx;

    @Inject
    EvaluationConfig config;

    private volatile MailClient client;

    /** Whether an SMTP server is configured: without one, no reminder is claimed or sent. */
    public boolean configured() {
        return config.reminders().smtpHost().isPresent();
    }

    /** Hands the message to the SMTP server, waiting at most the configured time; an exception where it was not taken. */
    public void send(MailMessage message) throws Exception {
        client().sendMail(message).toCompletionStage().toCompletableFuture()
            .get(config.reminders().smtpTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The reminder of one step to one organisation, listing what it owes. */
    public MailMessage message(String planTitle, ReportingCalendar calendar, ReportingCalendar.Step step, Organisation organisation,
                               List<Completeness.Outstanding> owed) {
        EvaluationConfig.Reminders settings = config.reminders();
        String plan = calendar.planCode();
        int year = calendar.fiscalYear();
        String workbook = settings.reportingUrl() + "/api/v1/plans/" + plan + "/workbook?fiscalYear=" + year + "&organisation=" + organisation.code();
        String dashboard = config.publicUrl() + "/plans/" + plan + "?fiscalYear=" + year;
        boolean english = organisation.language() == Language.EN;
        StringBuilder text = new StringBuilder();
        String subject;
        if (english) {
            subject = "[planeval] " + planTitle + " FY" + year + ": " + when(step, true) + " (" + owed.size() + " figure" + (owed.size() == 1 ? "" : "s") + " to report)";
            text.append(organisation.name()).append("\n\n")
                .append("The figures of ").append(planTitle).append(" for FY").append(year).append(" are due on ")
                .append(english(calendar.dueDate())).append(". ").append(owed.size()).append(" of yours are not final yet:\n\n");
            owed.forEach(o -> text.append("- ").append(o.code()).append(" ").append(o.name()).append(": ")
                .append(o.status() == null ? "not reported" : o.status() == MeasurementStatus.BEING_TALLIED ? "being tallied" : "preliminary")
                .append(o.dueDate().equals(calendar.dueDate()) ? "" : " (due " + english(o.dueDate()) + ")").append('\n'));
            text.append("\nReporting workbook: ").append(workbook).append("\nDashboard: ").append(dashboard).append('\n');
        } else {
            subject = "【planeval】" + planTitle + " " + FiscalYears.label(year) + "の実績報告：" + when(step, false) + "（未確定 " + owed.size() + " 件）";
            text.append(organisation.name()).append(" 御中\n\n")
                .append(planTitle).append(" ").append(FiscalYears.label(year)).append("の実績の報告期限は ")
                .append(japanese(calendar.dueDate())).append(" です。\n次の ").append(owed.size()).append(" 件がまだ確定していません。\n\n");
            owed.forEach(o -> text.append("・").append(o.code()).append(" ").append(o.name()).append("：")
                .append(o.status() == null ? "未報告" : o.status() == MeasurementStatus.BEING_TALLIED ? "集計中" : "速報値のみ")
                .append(o.dueDate().equals(calendar.dueDate()) ? "" : "（期限 " + japanese(o.dueDate()) + "）").append('\n'));
            text.append("\n報告用ワークブック：").append(workbook).append("\nダッシュボード：").append(dashboard).append('\n');
        }
        return new MailMessage().setFrom(settings.from()).setTo(organisation.contacts()).setSubject(subject).setText(text.toString());
    }

    private static String when(ReportingCalendar.Step step, boolean english) {
        if (step.timing() == ReminderTiming.ON) {
            return english ? "due today" : "本日が報告期限です";
        }
        if (step.timing() == ReminderTiming.BEFORE) {
            return english ? step.workingDays() + " working days to the due date" : "報告期限まであと" + step.workingDays() + "営業日です";
        }
        return english ? step.workingDays() + " working days past the due date" : "報告期限を" + step.workingDays() + "営業日過ぎています";
    }

    private static String japanese(LocalDate day) {
        return DateTimeFormatter.ofPattern("uuuu年M月d日").format(day) + "（" + day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
    }

    private static String english(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH).format(day);
    }

    private MailClient client() {
        MailClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    EvaluationConfig.Reminders settings = config.reminders();
                    MailConfig mail = new MailConfig().setHostname(settings.smtpHost().orElseThrow()).setPort(settings.smtpPort())
                        .setStarttls(settings.startTls());
                    settings.smtpUsername().ifPresent(mail::setUsername);
                    settings.smtpPassword().ifPresent(mail::setPassword);
                    client = MailClient.createShared(vertx, mail, "planeval-reminders");
                }
                current = client;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
