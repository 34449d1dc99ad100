package io.planeval.evaluation.dashboard;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.planeval.evaluation.EvaluationConfig;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.evaluation.report.NodeReport;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.time.Moments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.Router;

/**
 * The parts of an open-data plan another site may frame ({@code <iframe src="…/embed/plans/P/goals/GI">}): a goal's
 * figures, or one indicator's. Only the sites named in {@code planeval.evaluation.embed-ancestors} may frame them; no
 * other page of the service is ever framed.
 */
@Path("/embed")
@Produces(MediaType.TEXT_HTML)
public class EmbedPages extends DashboardPages {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance embedGoal(String lang, String planCode, NodeReport goal, String yearLabel, String query, String full);

        static native TemplateInstance embedIndicator(String lang, IndicatorResult result, String yearLabel, String full);
    }

    @Inject
    EvaluationQueries queries;

    /**
     * The frame policy of embeddable parts, set as the response's headers are written: after the service's own headers
     * (which forbid every frame), so that these pages alone may be framed, and by the listed sites alone.
     */
    void framedByListedSites(@Observes Router router, EvaluationConfig config) {
        String policy = "default-src 'self'; img-src 'self' data:; frame-ancestors " + String.join(" ", config.embedAncestors())
            + "; base-uri 'none'; form-action 'self'";
        // No path pattern: matching one would decode the path before RequestTarget (the first route) checks it.
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String path = context.request().path();
            if (path != null && path.startsWith("/embed/")) {
                context.addHeadersEndHandler(ended -> {
                    context.response().headers().remove("X-Frame-Options");
                    context.response().headers().set("Content-Security-Policy", policy);
                });
            }
            context.next();
        });
    }

    @GET
    @Path("plans/{planCode}/goals/{goalCode}")
    public Response goal(@PathParam("planCode") String planCode, @PathParam("goalCode") String goalCode,
                         @QueryParam("fiscalYear") String fiscalYear, @QueryParam("asOf") String asOf, @QueryParam("lang") String lang) {
        return openDataPart(planCode, lang, fiscalYear, asOf, (ask, plan) -> {
            int year = shownYear(ask, plan.plan(), readModel.measuredYears(planCode));
            NodeReport goal = queries.node(planCode, goalCode, year, QueryParams.moment("asOf", ask.asOf()));
            if (goal.level() == null || goal.level() != 1) {
                throw ProblemException.notFound("Plan " + planCode + " has no goal " + goalCode);
            }
            Views.Ask shown = new Views.Ask(ask.lang(), year, ask.asOf());
            return Templates.embedGoal(ask.lang(), planCode, goal, shown.year(year), shown.query(),
                "/plans/" + Views.encode(planCode) + "/nodes/" + Views.encode(goalCode) + shown.query());
        });
    }

    @GET
    @Path("plans/{planCode}/indicators/{indicatorCode}")
    public Response indicator(@PathParam("planCode") String planCode, @PathParam("indicatorCode") String code,
                              @QueryParam("fiscalYear") String fiscalYear, @QueryParam("asOf") String asOf, @QueryParam("lang") String lang) {
        return openDataPart(planCode, lang, fiscalYear, asOf, (ask, plan) -> {
            IndicatorResult result = queries.indicator(planCode, code, ask.fiscalYear(), QueryParams.moment("asOf", ask.asOf()));
            Views.Ask shown = new Views.Ask(ask.lang(), result.fiscalYear(), ask.asOf());
            return Templates.embedIndicator(ask.lang(), result, shown.year(result.fiscalYear()),
                "/plans/" + Views.encode(planCode) + "/indicators/" + Views.encode(code) + shown.query());
        });
    }

    private interface Part {
        TemplateInstance render(Views.Ask ask, ReadModel.PlanSnapshot plan);
    }

    /** An embeddable part of an open-data plan; of any other plan, or one asked wrongly, a page saying it cannot be shown. */
    private Response openDataPart(String planCode, String lang, String fiscalYear, String asOf, Part part) {
        Views.Ask plain = Views.Ask.of(lang, null, null);
        // Open data only, whoever asks: a frame on another site is read by that site's visitors.
        var plan = readModel.plan(planCode, Moments.EVERYTHING_RECORDED).filter(p -> p.plan().openData());
        if (plan.isEmpty()) {
            return missing(plain, uri.getRequestUri().getRawPath());
        }
        try {
            Views.Ask ask = Views.Ask.of(lang, QueryParams.fiscalYear(fiscalYear), asOf);
            return html(part.render(ask, plan.get()), ask, 200);
        } catch (ProblemException refused) {
            return html(Pages.problem(chrome(plain, uri.getRequestUri().getRawPath(), null, null, List.of()), refused.problem(), null, "/"),
                plain, refused.problem().status());
        }
    }
}
