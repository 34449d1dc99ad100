package io.planeval.evaluation.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.planeval.contracts.PlanChanged;
import io.planeval.evaluation.live.EvaluationStream;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.CachedReads;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.Problem;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Caller;
import io.planeval.support.security.Roles;
import io.planeval.support.time.Moments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What every dashboard page shares: who may see a plan, what the reader asked for, the page's surroundings (trail,
 * language, sign-in, live stream), error pages, and the page itself with its ETag. The resources extend it.
 */
abstract class DashboardPages {

    /** Pages that are the dashboard's own: only this page, its scripts and styles, never framed. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @CheckedTemplate(basePath = "dashboard")
    static class Pages {
        static native TemplateInstance missing(Views.Chrome chrome);

        static native TemplateInstance problem(Views.Chrome chrome, Problem problem, Views.Crumb earliest, String back);
    }

    @Inject
    ReadModel readModel;

    @Inject
    EvaluationStream stream;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    Request request;

    @Inject
    UriInfo uri;

    /**
     * The fiscal year a page shows: the one asked for; else the latest of the plan's years with a figure; else the
     * current fiscal year within the plan (a plan whose years lie ahead opens on its first, not on an empty last one).
     */
    static int shownYear(Views.Ask ask, PlanChanged.Plan plan, List<Integer> measured) {
        if (ask.fiscalYear() != null) {
            return ask.fiscalYear();
        }
        return measured.stream().filter(y -> y >= plan.firstFiscalYear() && y <= plan.lastFiscalYear()).max(Integer::compare)
            .orElseGet(() -> Math.max(plan.firstFiscalYear(), Math.min(plan.lastFiscalYear(), FiscalYears.of(LocalDate.now(Moments.JAPAN)))));
    }

    static Views.YearForm yearForm(String action, Views.Ask ask, PlanChanged.Plan plan, int shown) {
        List<Views.YearOption> years = new ArrayList<>();
        for (int year = plan.firstFiscalYear(); year <= plan.lastFiscalYear(); year++) {
            years.add(new Views.YearOption(year, ask.year(year), year == shown));
        }
        // An instant (a link to "as of the moment before") shows as its day in the date field and to the minute beside it.
        Instant moment = moment(ask);
        String day = moment == null ? null : LocalDate.ofInstant(moment, Moments.JAPAN).toString();
        String shownMoment = moment == null ? null : ask.asOf().length() == 10 ? ask.asOf() : Recorded.recorded(moment);
        return new Views.YearForm(action, ask.lang(), years, day, shownMoment);
    }

    /** A page of one plan, drawn from what was asked, the stream's position before anything was read, and the plan. */
    interface PlanPage {
        Response render(Views.Ask ask, String since, ReadModel.PlanSnapshot plan);
    }

    /** The page if the caller may see the plan; otherwise the plan is not even said to exist. */
    Response openPlanPage(String planCode, String lang, String fiscalYear, String asOf, PlanPage page) {
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
    Response problem(ReadModel.PlanSnapshot plan, Views.Ask ask, Problem problem, String asOf) {
        String base = "/plans/" + Views.encode(plan.code());
        Views.Crumb earliest = null;
        if (problem.status() == 404 && asOf != null && !asOf.isBlank()) {
            LocalDate first = LocalDate.ofInstant(readModel.firstRecorded(plan.code()), Moments.JAPAN);
            earliest = new Views.Crumb(first.toString(), base + new Views.Ask(ask.lang(), null, first.toString()).query());
        }
        return html(Pages.problem(chrome(ask, base, null, null, planCrumb(plan, ask)),
            problem, earliest, base + ask.query()), ask, problem.status());
    }

    /** Open data for anybody; every plan for a reader who signed in. */
    boolean visible(ReadModel.PlanSnapshot plan) {
        return plan.plan().openData() || caller.hasRole(Roles.READER);
    }

    Response missing(Views.Ask ask, String path) {
        return html(Pages.missing(chrome(ask, path, null, null, List.of())), ask, 404);
    }

    static Instant moment(Views.Ask ask) {
        return QueryParams.moment("asOf", ask.asOf());
    }

    /**
     * The page's surroundings; a current page of a plan follows its stream from {@code since}, the position read
     * before the page's figures were, so that no change in between is missed.
     */
    Views.Chrome chrome(Views.Ask ask, String path, String streamOf, String since, List<Views.Crumb> crumbs) {
        String live = streamOf != null && ask.live() ? "/plans/" + Views.encode(streamOf) + "/stream?after=" + since : null;
        return new Views.Chrome(ask.lang(), crumbs.isEmpty() ? "" : crumbs.get(crumbs.size() - 1).label(), crumbs,
            path + ask.query(), path + ask.query(ask.otherLanguage()), live,
            identity.isAnonymous() ? null : identity.getPrincipal().getName(),
            // After signing in, the reader comes back to this page.
            "/login" + ask.query() + (ask.query().isEmpty() ? "?" : "&") + "then=" + URLEncoder.encode(path + ask.query(), StandardCharsets.UTF_8));
    }

    /** The trail of a page about the whole plan: the plan. */
    static List<Views.Crumb> planCrumb(ReadModel.PlanSnapshot plan, Views.Ask ask) {
        return List.of(new Views.Crumb(plan.plan().title(), "/plans/" + Views.encode(plan.code()) + ask.query()));
    }

    /** The plan, then each level from the goal down to the node. */
    static List<Views.Crumb> trail(ReadModel.PlanSnapshot plan, String nodeCode, Views.Ask ask) {
        return trailTo(plan, nodeCode, ask, null);
    }

    static List<Views.Crumb> trailTo(ReadModel.PlanSnapshot plan, String nodeCode, Views.Ask ask, Views.Crumb last) {
        String base = "/plans/" + Views.encode(plan.code());
        Map<String, PlanChanged.Node> byCode = plan.plan().nodes().stream()
            .collect(Collectors.toMap(PlanChanged.Node::code, n -> n, (a, b) -> a, LinkedHashMap::new));
        List<Views.Crumb> levels = new ArrayList<>();
        for (var node = byCode.get(nodeCode); node != null; node = node.parent() == null ? null : byCode.get(node.parent())) {
            levels.add(0, new Views.Crumb(node.label() == null ? node.code() : node.label(),
                base + "/nodes/" + Views.encode(node.code()) + ask.query()));
        }
        List<Views.Crumb> crumbs = new ArrayList<>(planCrumb(plan, ask));
        crumbs.addAll(levels);
        if (last != null) {
            crumbs.add(last);
        }
        return crumbs;
    }

    /**
     * The page, tagged with a digest of its bytes: a browser revalidating a page it has (If-None-Match) gets 304 while
     * the page would be the same. Pages are the reader's own (no-cache: always revalidated, never shared).
     */
    Response html(TemplateInstance page, Views.Ask ask, int status) {
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
