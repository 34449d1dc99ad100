package io.planeval.evaluation.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Vocabulary.ForecastVerdict;
import io.planeval.evaluation.audit.AuditEntry;
import io.planeval.evaluation.audit.AuditTrail;
import io.planeval.evaluation.committee.CommitteeReports;
import io.planeval.evaluation.committee.FixedReport;
import io.planeval.evaluation.forecast.Forecasts;
import io.planeval.evaluation.forecast.PlanForecast;
import io.planeval.evaluation.overdue.OverdueTallies;
import io.planeval.evaluation.overdue.OverdueTally;
import io.planeval.evaluation.report.Change;
import io.planeval.evaluation.report.PlanReport;
import io.planeval.support.http.Page;
import io.planeval.support.security.Roles;
import io.planeval.support.time.Moments;
import io.quarkus.oidc.Tenant;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pages of what the committee works with besides the year's table: the forecast, the tallies overdue, the reports
 * it fixed (each as fixed, and what changed since), and, for a reader who signed in, the plan's audit trail. The figures
 * are the API's own.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tenant("dashboard")
public class CommitteePages extends DashboardPages {

    /** Entries of the audit trail on one page; the next page follows its cursor. */
    private static final int AUDIT_PAGE = 100;
    private static final List<ForecastVerdict> VERDICT_ORDER = List.of(ForecastVerdict.OFF_TRACK, ForecastVerdict.AT_RISK,
        ForecastVerdict.ON_TRACK, ForecastVerdict.INSUFFICIENT_DATA);

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance forecast(Views.Chrome chrome, String planCode, PlanForecast forecast, List<PlanForecast.IndicatorForecast> indicators,
                                                String query);

        static native TemplateInstance overdue(Views.Chrome chrome, String planCode, List<OverdueTally> tallies, String query);

        static native TemplateInstance reports(Views.Chrome chrome, String planCode, List<FixedReport> reports, String query);

        static native TemplateInstance report(Views.Chrome chrome, FixedReport fixed, PlanReport report, String yearLabel, List<Change> changes,
                                              String planCode, String query);

        static native TemplateInstance audit(Views.Chrome chrome, String planCode, String indicator, List<AuditEntry> entries, String next);
    }

    @Inject
    Forecasts forecasts;

    @Inject
    OverdueTallies overdue;

    @Inject
    CommitteeReports reports;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @GET
    @Path("plans/{planCode}/forecast")
    public Response forecast(@PathParam("planCode") String planCode, @QueryParam("asOf") String asOf, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, null, asOf, (ask, since, plan) -> {
            PlanForecast forecast = forecasts.of(planCode, moment(ask));
            String self = "/plans/" + Views.encode(planCode) + "/forecast";
            // Those that will miss come first, off track before at risk: they are what the committee asks about.
            List<PlanForecast.IndicatorForecast> ordered = forecast.indicators().stream()
                .sorted(Comparator.comparingInt((PlanForecast.IndicatorForecast f) -> VERDICT_ORDER.indexOf(f.verdict()))).toList();
            return html(Templates.forecast(chrome(ask, self, planCode, since, planCrumb(plan, ask)), planCode, forecast, ordered, ask.query()),
                ask, 200);
        });
    }

    @GET
    @Path("plans/{planCode}/overdue")
    public Response overdue(@PathParam("planCode") String planCode, @QueryParam("asOf") String asOf, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, null, asOf, (ask, since, plan) -> html(Templates.overdue(
                chrome(ask, "/plans/" + Views.encode(planCode) + "/overdue", planCode, since, planCrumb(plan, ask)),
                planCode, overdue.of(planCode, moment(ask)), ask.query()), ask, 200));
    }

    @GET
    @Path("plans/{planCode}/reports")
    public Response reports(@PathParam("planCode") String planCode, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, null, null, (ask, since, plan) -> html(Templates.reports(
                chrome(ask, "/plans/" + Views.encode(planCode) + "/reports", null, null, planCrumb(plan, ask)),
                planCode, reports.list(planCode), ask.query()), ask, 200));
    }

    @GET
    @Path("plans/{planCode}/reports/{id}")
    public Response report(@PathParam("planCode") String planCode, @PathParam("id") String id, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, null, null, (ask, since, plan) -> {
            long reportId = CommitteeReports.id(planCode, id);
            FixedReport fixed = reports.get(planCode, reportId);
            String list = "/plans/" + Views.encode(planCode) + "/reports";
            List<Views.Crumb> crumbs = new ArrayList<>(planCrumb(plan, ask));
            crumbs.add(new Views.Crumb(fixed.name(), null));
            return html(Templates.report(chrome(ask, list + "/" + reportId, planCode, since, crumbs),
                fixed, fixedEvaluation(planCode, reportId), ask.year(fixed.fiscalYear()), reports.changes(planCode, reportId), planCode, ask.query()),
                ask, 200);
        });
    }

    /** The plan's changes, newest first, a page at a time; readers who signed in only, as in the API. */
    @GET
    @Path("plans/{planCode}/audit")
    public Response audit(@PathParam("planCode") String planCode, @QueryParam("indicator") String indicator,
                          @QueryParam("cursor") String cursor, @QueryParam("lang") String lang) {
        if (!caller.hasRole(Roles.READER)) {
            return missing(Views.Ask.of(lang, null, null), uri.getRequestUri().getRawPath());
        }
        return openPlanPage(planCode, lang, null, null, (ask, since, plan) -> {
            String only = indicator == null || indicator.isBlank() ? null : indicator;
            Page<AuditEntry> page = audit.between(planCode, only, Instant.EPOCH, Moments.EVERYTHING_RECORDED, AUDIT_PAGE, cursor);
            String self = "/plans/" + Views.encode(planCode) + "/audit";
            String query = ask.query() + (only == null ? "" : (ask.query().isEmpty() ? "?" : "&") + "indicator=" + Views.encode(only));
            return html(Templates.audit(chrome(ask, self, null, null, planCrumb(plan, ask)), planCode, only, page.items(),
                page.nextCursor() == null ? null : self + (query.isEmpty() ? "?" : query + "&") + "cursor=" + Views.encode(page.nextCursor())),
                ask, 200);
        });
    }

    /** The evaluation the report fixed, read back from the bytes it keeps. */
    private PlanReport fixedEvaluation(String planCode, long id) {
        try {
            return json.readValue(reports.evaluation(planCode, id), PlanReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
