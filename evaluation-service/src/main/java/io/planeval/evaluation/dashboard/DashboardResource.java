package io.planeval.evaluation.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.planeval.contracts.Actor;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.MemberOrder;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.chart.Chart;
import io.planeval.evaluation.completeness.Completeness;
import io.planeval.evaluation.completeness.CompletenessQueries;
import io.planeval.evaluation.forecast.Forecaster;
import io.planeval.evaluation.forecast.Forecasts;
import io.planeval.evaluation.forecast.PlanForecast;
import io.planeval.evaluation.lineage.IndicatorLineage;
import io.planeval.evaluation.lineage.Lineages;
import io.planeval.evaluation.members.IndicatorMembers;
import io.planeval.evaluation.members.MemberPage;
import io.planeval.evaluation.report.Change;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.evaluation.report.FigureText;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.evaluation.report.NodeReport;
import io.planeval.evaluation.report.PlanReport;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Roles;
import io.planeval.support.time.Moments;
import io.quarkus.oidc.Tenant;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The dashboard of open-data plans, and of every plan for a reader who signed in (the realm's code flow), in Japanese or
 * English: the committee's table for a year as of a moment, the
 * drill-down through the plan's levels, each indicator's working, history and chart, and what changed between two
 * dates. Current pages follow the evaluation stream and update themselves. The figures are the API's own.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tenant("dashboard")
public class DashboardResource extends DashboardPages {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance plans(Views.Chrome chrome, List<Views.PlanLink> plans);

        static native TemplateInstance plan(Views.Chrome chrome, PlanReport report, String yearLabel, Views.YearForm yearForm,
                                            Map<String, Views.Trend> rateTrends, Map<String, Views.Trend> attainmentTrends, String previousYear,
                                            boolean empty,
                                            String query, String csv, String pack, String changes, String completeness);

        static native TemplateInstance node(Views.Chrome chrome, String planCode, NodeReport node, String query, String yearLabel,
                                            Views.YearForm yearForm);

        static native TemplateInstance indicator(Views.Chrome chrome, IndicatorResult result, String yearLabel,
                                                 Views.Definition definition, List<Views.Revision> revisions, boolean reviewed,
                                                 Chart chart, String chartDescription, PlanForecast.IndicatorForecast forecast,
                                                 IndicatorLineage lineage, String membersPage, String auditPage);

        static native TemplateInstance changes(Views.Chrome chrome, String planCode, List<Change> changes, List<Views.ChangeSummary> summary,
                                               String from, String to, String query, boolean asked, String yearLabel, Views.YearForm yearForm);

        static native TemplateInstance completeness(Views.Chrome chrome, String planCode, Completeness completeness,
                                                    List<Completeness.OrganisationCompleteness> rows, Views.Due due, String order,
                                                    String sortBase, String query, String yearLabel);

        static native TemplateInstance members(Views.Chrome chrome, String planCode, MemberPage page, String order, boolean descending,
                                               String sortBase, String query, String yearLabel, String indicatorPage);
    }

    @Inject
    EvaluationQueries queries;

    @Inject
    CompletenessQueries completeness;

    @Inject
    IndicatorMembers members;

    @Inject
    Forecasts forecasts;

    @Inject
    Lineages lineages;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response plans(@QueryParam("lang") String lang) {
        Views.Ask ask = Views.Ask.of(lang, null, null);
        List<Views.PlanLink> plans = readModel.plans().stream()
            .filter(this::visible)
            .map(plan -> new Views.PlanLink(plan.code(), plan.plan().title(),
                ask.year(plan.plan().firstFiscalYear()) + "–" + ask.year(plan.plan().lastFiscalYear()),
                "/plans/" + Views.encode(plan.code()) + ask.query(), !plan.plan().openData()))
            .toList();
        return html(Templates.plans(chrome(ask, "/", null, null, List.of()), plans), ask, 200);
    }

    @GET
    @Path("plans/{planCode}")
    public Response plan(@PathParam("planCode") String planCode, @QueryParam("fiscalYear") String fiscalYear,
                         @QueryParam("asOf") String asOf, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, fiscalYear, asOf, (ask, since, plan) -> {
            List<Integer> measured = readModel.measuredYears(planCode);
            PlanReport report = queries.report(planCode, shownYear(ask, plan.plan(), measured), moment(ask));
            // The year before, where it has figures: each rate's movement since.
            int previousYear = report.fiscalYear() - 1;
            PlanReport previous = measured.contains(previousYear) && previousYear >= plan.plan().firstFiscalYear()
                ? queries.report(planCode, previousYear, moment(ask)) : null;
            Views.Ask asked = new Views.Ask(ask.lang(), report.fiscalYear(), ask.asOf());
            String base = "/plans/" + Views.encode(planCode);
            return html(Templates.plan(chrome(asked, base, planCode, since, List.of(new Views.Crumb(report.planTitle(), base + asked.query()))),
                    report, ask.year(report.fiscalYear()), yearForm(base, asked, plan.plan(), report.fiscalYear()),
                    Views.Trend.byGoal(report, previous, NodeReport::kpiAchievementRate), Views.Trend.byGoal(report, previous, NodeReport::kgiAttainment),
                    ask.year(previousYear),
                    !measured.contains(report.fiscalYear()), asked.query(),
                    "/api/v1/plans/" + Views.encode(planCode) + "/evaluation.csv" + new Views.Ask("ja", report.fiscalYear(), ask.asOf()).query(),
                    "/api/v1/plans/" + Views.encode(planCode) + "/evaluation/pack" + new Views.Ask("ja", report.fiscalYear(), ask.asOf()).query(),
                    base + "/changes" + asked.query(), base + "/completeness" + asked.query()),
                asked, 200);
        });
    }

    @GET
    @Path("plans/{planCode}/nodes/{nodeCode}")
    public Response node(@PathParam("planCode") String planCode, @PathParam("nodeCode") String nodeCode,
                         @QueryParam("fiscalYear") String fiscalYear, @QueryParam("asOf") String asOf, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, fiscalYear, asOf, (ask, since, plan) -> {
            int year = shownYear(ask, plan.plan(), readModel.measuredYears(planCode));
            NodeReport node = queries.node(planCode, nodeCode, year, moment(ask));
            Views.Ask asked = new Views.Ask(ask.lang(), year, ask.asOf());
            String self = "/plans/" + Views.encode(planCode) + "/nodes/" + Views.encode(nodeCode);
            return html(Templates.node(chrome(asked, self, planCode, since, trail(plan, nodeCode, asked)),
                planCode, node, asked.query(), asked.year(year), yearForm(self, asked, plan.plan(), year)), asked, 200);
        });
    }

    @GET
    @Path("plans/{planCode}/indicators/{indicatorCode}")
    public Response indicator(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String code,
                              @QueryParam("fiscalYear") String fiscalYear, @QueryParam("asOf") String asOf, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, fiscalYear, asOf, (ask, since, plan) -> {
            Instant moment = moment(ask);
            IndicatorResult result = queries.indicator(planCode, code, ask.fiscalYear(), moment);
            IndicatorDefinition definition = readModel.indicator(planCode, code, moment == null ? Moments.EVERYTHING_RECORDED : moment).orElseThrow();
            List<Actual> revisions = readModel.revisions(planCode, code, moment == null ? Moments.EVERYTHING_RECORDED : moment);

            Forecaster.Forecast forecast = forecasts.of(planCode, plan.plan(), definition, moment);
            Chart chart = Chart.ofIndicator(plan.plan().firstFiscalYear(), plan.plan().lastFiscalYear(), definition, revisions, forecast.line(),
                ask::year);
            // The series across plans is read only for an indicator that continues one of an earlier plan.
            IndicatorLineage lineage = readModel.predecessors(planCode, Moments.EVERYTHING_RECORDED).containsKey(code)
                ? lineages.lineage(planCode, code) : null;

            List<Views.Milestone> milestones = new TreeMap<>(definition.milestones()).entrySet().stream()
                .map(m -> new Views.Milestone(ask.year(m.getKey()), FigureText.grouped(m.getValue()))).toList();
            Views.Definition shown = new Views.Definition(definition.kind(), definition.unit(),
                definition.baselineValue() == null ? null : FigureText.grouped(definition.baselineValue())
                    + (definition.baselineFiscalYear() == null ? "" : ask.inParentheses(ask.year(definition.baselineFiscalYear()))),
                definition.targetValue() != null ? FigureText.grouped(definition.targetValue()) + ask.inParentheses(ask.year(definition.targetFiscalYear()))
                    : definition.targetText(),
                milestones, definition.method(), definition.direction());
            List<Views.Revision> history = revisions.stream()
                .sorted(Comparator.comparing(Actual::recordedAt).reversed())
                .map(r -> new Views.Revision(ask.year(r.fiscalYear()), r.revision(), r.value() == null ? Objects.toString(r.outcome(), null) : FigureText.grouped(r.value()),
                    r.status(), Recorded.recorded(r.recordedAt()), who(r.recordedBy()), r.review() == null ? null : r.review().state()))
                .toList();
            String description = chart == null ? null
                : summary(chart.actuals(), ask) + " / " + summary(chart.path(), ask) + (chart.forecast().isEmpty() ? "" : " / " + summary(chart.forecast(), ask));
            return html(Templates.indicator(chrome(ask, "/plans/" + Views.encode(planCode) + "/indicators/" + Views.encode(code), planCode, since,
                    trailTo(plan, definition.nodeCode(), ask, new Views.Crumb(code, null))),
                result, ask.inParentheses(ask.year(result.fiscalYear())), shown, history,
                history.stream().anyMatch(r -> r.review() != null), chart, description, Forecasts.view(forecast),
                lineage != null && lineage.generations().size() > 1 ? lineage : null,
                definition.breakdown() == null ? null : "/plans/" + Views.encode(planCode) + "/indicators/" + Views.encode(code) + "/members"
                    + ask.query(),
                // The trail is for readers who signed in, as in the API.
                caller.hasRole(Roles.READER) ? "/plans/" + Views.encode(planCode) + "/audit?indicator=" + Views.encode(code)
                    + ("ja".equals(ask.lang()) ? "" : "&lang=" + ask.lang()) : null), ask, 200);
        });
    }

    @GET
    @Path("plans/{planCode}/changes")
    public Response changes(@PathParam("planCode") String planCode, @QueryParam("fiscalYear") String fiscalYear,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, fiscalYear, null, (ask, since, plan) -> {
            String until = to == null || to.isBlank() ? LocalDate.now(Moments.JAPAN).toString() : to;
            boolean asked = from != null && !from.isBlank();
            int year = shownYear(ask, plan.plan(), readModel.measuredYears(planCode));
            List<Change> changes = asked
                ? queries.changes(planCode, year, QueryParams.moment("from", from), QueryParams.moment("to", until))
                : List.of();
            Views.Ask shown = new Views.Ask(ask.lang(), year, null);
            String self = "/plans/" + Views.encode(planCode) + "/changes";
            return html(Templates.changes(chrome(shown, self, null, null, planCrumb(plan, shown)),
                planCode, changes, Views.ChangeSummary.of(plan.plan(), changes), asked ? from : "", until, shown.query(), asked,
                shown.year(year), yearForm(self, shown, plan.plan(), year)), shown, 200);
        });
    }

    @GET
    @Path("plans/{planCode}/completeness")
    public Response completeness(@PathParam("planCode") String planCode, @QueryParam("fiscalYear") String fiscalYear,
                                 @QueryParam("asOf") String asOf, @QueryParam("sort") String sort, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, fiscalYear, asOf, (ask, since, plan) -> {
            int year = ask.fiscalYear() != null ? ask.fiscalYear() : seasonOf(plan.plan());
            Completeness found = completeness.of(planCode, Integer.toString(year), moment(ask));
            CompletenessOrder order = CompletenessOrder.of(sort);
            Views.Ask asked = new Views.Ask(ask.lang(), year, ask.asOf());
            String base = "/plans/" + Views.encode(planCode);
            String self = base + "/completeness";
            String query = asked.query();
            return html(Templates.completeness(chrome(asked, self, null, null, planCrumb(plan, asked)),
                    planCode, found, found.organisations().stream().sorted(order.comparator).toList(), Views.Due.of(found.workingDaysToDue()),
                    order.word(), self + (query.isEmpty() ? "?" : query + "&") + "sort=", query, asked.inParentheses(asked.year(year))),
                asked, 200);
        });
    }

    @GET
    @Path("plans/{planCode}/indicators/{indicatorCode}/members")
    public Response members(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String code,
                            @QueryParam("fiscalYear") String fiscalYear, @QueryParam("asOf") String asOf, @QueryParam("sort") String sort,
                            @QueryParam("descending") String descending, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, fiscalYear, asOf, (ask, since, plan) -> {
            MemberOrder order = Vocabulary.parse(MemberOrder.class, sort).orElse(MemberOrder.STATUS);
            boolean reversed = "true".equals(descending);
            MemberPage page = members.list(planCode, code, ask.fiscalYear(), moment(ask), order, reversed, IndicatorMembers.EVERY_CELL, null);
            Views.Ask asked = new Views.Ask(ask.lang(), page.fiscalYear(), ask.asOf());
            String indicatorPage = "/plans/" + Views.encode(planCode) + "/indicators/" + Views.encode(code);
            String self = indicatorPage + "/members";
            String query = asked.query();
            return html(Templates.members(chrome(asked, self, planCode, since,
                    trailTo(plan, page.result().nodeCode(), asked, new Views.Crumb(code, indicatorPage + query))),
                    planCode, page, Vocabulary.wire(order), reversed, self + (query.isEmpty() ? "?" : query + "&") + "sort=", query,
                    asked.inParentheses(asked.year(page.fiscalYear())), indicatorPage + query),
                asked, 200);
        });
    }

    /** The season under way: the fiscal year that ended last (its figures are being reported), within the plan's years. */
    private static int seasonOf(PlanChanged.Plan plan) {
        int ended = FiscalYears.of(LocalDate.now(Moments.JAPAN)) - 1;
        return Math.max(plan.firstFiscalYear(), Math.min(plan.lastFiscalYear(), ended));
    }

    /** Reached signed in (the HTTP layer sends anybody else to the realm first): back to the page asked from, or the plans. */
    @GET
    @Path("login")
    public Response login(@QueryParam("lang") String lang, @QueryParam("then") String then) {
        // A path, not a URI built from the request's Host (JAX-RS would make it absolute); only a path of this site.
        boolean local = then != null && then.startsWith("/") && !then.startsWith("//") && !then.startsWith("/\\")
            && then.chars().noneMatch(Character::isISOControl);
        return Response.status(Response.Status.SEE_OTHER)
            .header(HttpHeaders.LOCATION, local ? then : "/" + Views.Ask.of(lang, null, null).query())
            .build();
    }

    @GET
    @Path("plans/{planCode}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("planCode") String planCode, @HeaderParam("Last-Event-ID") String lastEventId,
                       @QueryParam("after") String after, @Context SseEventSink sink, @Context Sse sse) {
        if (readModel.plan(planCode, Moments.EVERYTHING_RECORDED).filter(this::visible).isEmpty()) {
            throw ProblemException.notFound("Plan " + planCode + " is not known");
        }
        stream.subscribe(planCode, sink, sse, lastEventId, after);
    }

    private static String who(Actor actor) {
        if (actor == null) {
            return "";
        }
        String name = actor.client() != null ? actor.client() : actor.subject();
        return actor.organisation() == null ? name : name + " (" + actor.organisation() + ")";
    }

    private static String summary(List<Chart.Mark> marks, Views.Ask ask) {
        return marks.stream().map(m -> ask.year(m.fiscalYear()) + " " + m.value()).collect(Collectors.joining(", "));
    }

}
