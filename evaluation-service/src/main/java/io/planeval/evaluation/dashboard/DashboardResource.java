package io.planeval.evaluation.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import io.planeval.evaluation.members.IndicatorMembers;
import io.planeval.evaluation.members.MemberPage;
import io.planeval.evaluation.live.EvaluationStream;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.CachedReads;
import io.planeval.evaluation.report.Change;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.evaluation.report.FigureText;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.evaluation.report.NodeReport;
import io.planeval.evaluation.report.PlanReport;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.Problem;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Caller;
import io.planeval.support.security.Roles;
import io.planeval.support.time.Moments;
import io.quarkus.oidc.Tenant;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The dashboard of open-data plans, and of every plan for a reader who signed in (the realm's code flow), in Japanese or
 * English: the committee's table for a year as of a moment, the
 * drill-down through the plan's levels, each indicator's working, history and chart, and what changed between two
 * dates. Current pages follow the evaluation stream and update themselves. The figures are the API's own.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tenant("dashboard")
public class DashboardResource {

    /** Pages that are the dashboard's own: only this page, its scripts and styles, never framed. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance plans(Views.Chrome chrome, List<Views.PlanLink> plans);

        static native TemplateInstance plan(Views.Chrome chrome, PlanReport report, String yearLabel, Views.YearForm yearForm, boolean empty,
                                            String query, String csv, String pack, String changes, String completeness);

        static native TemplateInstance node(Views.Chrome chrome, String planCode, NodeReport node, String query, String yearLabel,
                                            Views.YearForm yearForm);

        static native TemplateInstance indicator(Views.Chrome chrome, IndicatorResult result, String yearLabel,
                                                 Views.Definition definition, List<Views.Revision> revisions, boolean reviewed,
                                                 Chart chart, String chartDescription, String membersPage);

        static native TemplateInstance changes(Views.Chrome chrome, String planCode, List<Change> changes, String from, String to,
                                               String query, boolean asked);

        static native TemplateInstance completeness(Views.Chrome chrome, String planCode, Completeness completeness,
                                                    List<Completeness.OrganisationCompleteness> rows, Views.Due due, String order,
                                                    String sortBase, String query, String yearLabel);

        static native TemplateInstance members(Views.Chrome chrome, String planCode, MemberPage page, String order, boolean descending,
                                               String sortBase, String query, String yearLabel, String indicatorPage);

        static native TemplateInstance missing(Views.Chrome chrome);

        static native TemplateInstance problem(Views.Chrome chrome, Problem problem, Views.Crumb earliest, String back);
    }

    @Inject
    ReadModel readModel;

    @Inject
    EvaluationQueries queries;

    @Inject
    CompletenessQueries completeness;

    @Inject
    EvaluationStream stream;

    @Inject
    IndicatorMembers members;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    Request request;

    @Inject
    UriInfo uri;

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
            Views.Ask asked = new Views.Ask(ask.lang(), report.fiscalYear(), ask.asOf());
            String base = "/plans/" + Views.encode(planCode);
            return html(Templates.plan(chrome(asked, base, planCode, since, List.of(new Views.Crumb(report.planTitle(), base + asked.query()))),
                    report, ask.year(report.fiscalYear()), yearForm(base, asked, plan.plan(), report.fiscalYear()),
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

            Chart chart = Chart.ofIndicator(plan.plan().firstFiscalYear(), plan.plan().lastFiscalYear(), definition, revisions, ask::year);

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
            String description = chart == null ? null : summary(chart.actuals(), ask) + " / " + summary(chart.path(), ask);
            return html(Templates.indicator(chrome(ask, "/plans/" + Views.encode(planCode) + "/indicators/" + Views.encode(code), planCode, since,
                    trailTo(plan, definition.nodeCode(), ask, new Views.Crumb(code, null))),
                result, ask.inParentheses(ask.year(result.fiscalYear())), shown, history,
                history.stream().anyMatch(r -> r.review() != null), chart, description,
                definition.breakdown() == null ? null : "/plans/" + Views.encode(planCode) + "/indicators/" + Views.encode(code) + "/members"
                    + ask.query()), ask, 200);
        });
    }

    @GET
    @Path("plans/{planCode}/changes")
    public Response changes(@PathParam("planCode") String planCode, @QueryParam("fiscalYear") String fiscalYear,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("lang") String lang) {
        return openPlanPage(planCode, lang, fiscalYear, null, (ask, since, plan) -> {
            String until = to == null || to.isBlank() ? LocalDate.now(Moments.JAPAN).toString() : to;
            boolean asked = from != null && !from.isBlank();
            List<Change> changes = asked
                ? queries.changes(planCode, ask.fiscalYear(), QueryParams.moment("from", from), QueryParams.moment("to", until))
                : List.of();
            String base = "/plans/" + Views.encode(planCode);
            return html(Templates.changes(chrome(ask, base + "/changes", null, null,
                    List.of(new Views.Crumb(plan.plan().title(), base + ask.query()))),
                planCode, changes, asked ? from : "", until, ask.query(), asked), ask, 200);
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
            return html(Templates.completeness(chrome(asked, self, null, null, List.of(new Views.Crumb(plan.plan().title(), base + query))),
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

    /**
     * The fiscal year a page shows: the one asked for; else the latest of the plan's years with a figure; else the
     * current fiscal year within the plan (a plan whose years lie ahead opens on its first, not on an empty last one).
     */
    private static int shownYear(Views.Ask ask, PlanChanged.Plan plan, List<Integer> measured) {
        if (ask.fiscalYear() != null) {
            return ask.fiscalYear();
        }
        return measured.stream().filter(y -> y >= plan.firstFiscalYear() && y <= plan.lastFiscalYear()).max(Integer::compare)
            .orElseGet(() -> Math.max(plan.firstFiscalYear(), Math.min(plan.lastFiscalYear(), FiscalYears.of(LocalDate.now(Moments.JAPAN)))));
    }

    private static Views.YearForm yearForm(String action, Views.Ask ask, PlanChanged.Plan plan, int shown) {
        List<Views.YearOption> years = new ArrayList<>();
        for (int year = plan.firstFiscalYear(); year <= plan.lastFiscalYear(); year++) {
            years.add(new Views.YearOption(year, ask.year(year), year == shown));
        }
        return new Views.YearForm(action, ask.lang(), years, ask.asOf());
    }

    /** The season under way: the fiscal year that ended last (its figures are being reported), within the plan's years. */
    private static int seasonOf(PlanChanged.Plan plan) {
        int ended = FiscalYears.of(LocalDate.now(Moments.JAPAN)) - 1;
        return Math.max(plan.firstFiscalYear(), Math.min(plan.lastFiscalYear(), ended));
    }

    /** A page of one plan, drawn from what was asked, the stream's position before anything was read, and the plan. */
    private interface PlanPage {
        Response render(Views.Ask ask, String since, ReadModel.PlanSnapshot plan);
    }

    /** The page if the caller may see the plan; otherwise the plan is not even said to exist. */
    private Response openPlanPage(String planCode, String lang, String fiscalYear, String asOf, PlanPage page) {
        Views.Ask plain = Views.Ask.of(lang, null, null);
        Optional<ReadModel.PlanSnapshot> plan = readModel.plan(planCode, Moments.EVERYTHING_RECORDED).filter(this::visible);
        if (plan.isEmpty()) {
            // Signing in from here comes back to the page asked for, which a reader may see.
            return missing(plain, uri.getRequestUri().getRawPath());
        }
        try {
            Views.Ask ask = Views.Ask.of(lang, QueryParams.fiscalYear(fiscalYear), asOf);
            return page.render(ask, stream.position(), plan.get());
        } catch (ProblemException refused) {
            return problem(plan.get(), plain, refused.problem(), asOf);
        }
    }

    /**
     * What was asked cannot be shown (a malformed date or year, a node or indicator the plan does not have, a moment
     * before the plan was recorded): a page saying so in the reader's language, with the way back, and for a moment
     * too early the earliest one that works.
     */
    private Response problem(ReadModel.PlanSnapshot plan, Views.Ask ask, Problem problem, String asOf) {
        String base = "/plans/" + Views.encode(plan.code());
        Views.Crumb earliest = null;
        if (problem.status() == 404 && asOf != null && !asOf.isBlank()) {
            LocalDate first = LocalDate.ofInstant(readModel.firstRecorded(plan.code()), Moments.JAPAN);
            earliest = new Views.Crumb(first.toString(), base + new Views.Ask(ask.lang(), null, first.toString()).query());
        }
        return html(Templates.problem(chrome(ask, base, null, null, List.of(new Views.Crumb(plan.plan().title(), base + ask.query()))),
            problem, earliest, base + ask.query()), ask, problem.status());
    }

    /** Open data for anybody; every plan for a reader who signed in. */
    private boolean visible(ReadModel.PlanSnapshot plan) {
        return plan.plan().openData() || caller.hasRole(Roles.READER);
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

    private Response missing(Views.Ask ask, String path) {
        return html(Templates.missing(chrome(ask, path, null, null, List.of())), ask, 404);
    }

    private static Instant moment(Views.Ask ask) {
        return QueryParams.moment("asOf", ask.asOf());
    }

    /**
     * The page's surroundings; a current page of a plan follows its stream from {@code since}, the position read
     * before the page's figures were, so that no change in between is missed.
     */
    private Views.Chrome chrome(Views.Ask ask, String path, String streamOf, String since, List<Views.Crumb> crumbs) {
        String live = streamOf != null && ask.live() ? "/plans/" + Views.encode(streamOf) + "/stream?after=" + since : null;
        return new Views.Chrome(ask.lang(), crumbs.isEmpty() ? "" : crumbs.get(crumbs.size() - 1).label(), crumbs,
            path + ask.query(), path + ask.query(ask.otherLanguage()), live,
            identity.isAnonymous() ? null : identity.getPrincipal().getName(),
            // After signing in, the reader comes back to this page.
            "/login" + ask.query() + (ask.query().isEmpty() ? "?" : "&") + "then=" + URLEncoder.encode(path + ask.query(), StandardCharsets.UTF_8));
    }

    /** The plan, then each level from the goal down to the node. */
    private static List<Views.Crumb> trail(ReadModel.PlanSnapshot plan, String nodeCode, Views.Ask ask) {
        return trailTo(plan, nodeCode, ask, null);
    }

    private static List<Views.Crumb> trailTo(ReadModel.PlanSnapshot plan, String nodeCode, Views.Ask ask, Views.Crumb last) {
        String base = "/plans/" + Views.encode(plan.code());
        Map<String, PlanChanged.Node> byCode = plan.plan().nodes().stream()
            .collect(Collectors.toMap(PlanChanged.Node::code, n -> n, (a, b) -> a, LinkedHashMap::new));
        List<Views.Crumb> levels = new ArrayList<>();
        for (var node = byCode.get(nodeCode); node != null; node = node.parent() == null ? null : byCode.get(node.parent())) {
            levels.add(0, new Views.Crumb(node.label() == null ? node.code() : node.label(),
                base + "/nodes/" + Views.encode(node.code()) + ask.query()));
        }
        List<Views.Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Views.Crumb(plan.plan().title(), base + ask.query()));
        crumbs.addAll(levels);
        if (last != null) {
            crumbs.add(last);
        }
        return crumbs;
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

    /**
     * The page, tagged with a digest of its bytes: a browser revalidating a page it has (If-None-Match) gets 304 while
     * the page would be the same. Pages are the reader's own (no-cache: always revalidated, never shared).
     */
    private Response html(TemplateInstance page, Views.Ask ask, int status) {
        CachedReads.Tagged tagged = CachedReads.Tagged.of(page.setLocale(ask.locale()).render().getBytes(StandardCharsets.UTF_8));
        Response.ResponseBuilder unchanged = status == 200 ? request.evaluatePreconditions(tagged.tag()) : null;
        return (unchanged != null ? unchanged : Response.status(status).entity(tagged.body()).tag(tagged.tag()))
            .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
            .header("Content-Security-Policy", CSP)
            .header("Cache-Control", "no-cache")
            .header("Content-Language", ask.lang())
            .build();
    }
}
