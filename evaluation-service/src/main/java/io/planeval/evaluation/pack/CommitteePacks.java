package io.planeval.evaluation.pack;

import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.faulttolerance.Bulkhead;

import io.planeval.evaluation.EvaluationConfig;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.PlanNode;
import io.planeval.evaluation.chart.Chart;
import io.planeval.evaluation.chart.ChartPicture;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.time.Moments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The committee's pack, generated: the report of a plan and fiscal year as of a moment, as PDF, PowerPoint or Excel.
 * A fixed report's pack is generated when it is fixed and kept as bytes with it (CommitteeReports), so the pack the
 * committee received is served byte for byte afterwards.
 */
@ApplicationScoped
public class CommitteePacks {

    @CheckedTemplate(basePath = "pack")
    static class Templates {
        static native TemplateInstance pdf(PackContent pack);
    }

    @Inject
    EvaluationQueries queries;

    @Inject
    EvaluationConfig config;

    @Inject
    ReadModel readModel;

    static final int CONCURRENT_PACKS = 2;

    /** Pixels per chart unit of a KGI's picture: sharp at the PDF's 120 mm and on a projected slide. */
    private static final int CHART_SCALE = 2;

    /**
     * The pack of the plan's report for the year as of the moment (null: now). Two are generated at once at most, so
     * that a plan of thousands of indicators asked for by many cannot exhaust the heap (BENCHMARKS.md: the pack);
     * beyond that a BulkheadException at once.
     */
    @Bulkhead(CONCURRENT_PACKS)
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] pack(String planCode, Integer fiscalYear, Instant asOf, PackFormat format) {
        EvaluationQueries.Snapshot snapshot = queries.snapshot(planCode, fiscalYear, asOf);
        return write(content(snapshot, snapshot.plan().plan().title() + " 評価結果", asOf == null ? Moments.now() : asOf), format);
    }

    /** What the pack of a snapshot shows, under a name (the committee meeting's, for a fixed report). */
    public PackContent content(EvaluationQueries.Snapshot s, String name, Instant asOf) {
        Map<String, PlanNode> byCode = new HashMap<>();
        s.nodes().forEach(n -> byCode.put(n.code(), n));
        Map<String, List<IndicatorResult>> byGoal = new HashMap<>();
        s.evaluations().stream()
            .filter(e -> byCode.containsKey(e.indicator().nodeCode()))
            .sorted(Comparator.comparing((Evaluation e) -> e.indicator().isKgi() ? 0 : 1).thenComparing(e -> e.indicator().code()))
            .forEach(e -> byGoal.computeIfAbsent(PlanNode.goalCodeOf(e.indicator().nodeCode(), byCode), g -> new ArrayList<>())
                .add(s.result(e)));
        Instant moment = s.asOf() == null ? Moments.EVERYTHING_RECORDED : s.asOf();
        Map<String, ChartPicture> charts = new HashMap<>();
        var plan = s.plan().plan();
        s.evaluations().stream().map(Evaluation::indicator).filter(d -> d.isKgi() && byCode.containsKey(d.nodeCode())).forEach(d -> {
            Chart chart = Chart.ofIndicator(plan.firstFiscalYear(), plan.lastFiscalYear(), d,
                readModel.revisions(plan.code(), d.code(), moment), Map.of(), FiscalYears::label);
            if (chart != null) {
                charts.put(d.code(), ChartPicture.of(chart, CHART_SCALE));
            }
        });
        return new PackContent(name, EvaluationQueries.report(s), asOf, byGoal, charts);
    }

    public byte[] write(PackContent content, PackFormat format) {
        return switch (format) {
            case PDF -> PackWriters.pdf(Templates.pdf(content).render(), font());
            case PPTX -> PackWriters.pptx(content);
            case XLSX -> PackWriters.xlsx(content);
        };
    }

    private File font() {
        File font = new File(config.packFont());
        if (!font.canRead()) {
            throw new IllegalStateException("The committee pack's font " + font + " cannot be read: install fonts-ipaexfont-gothic "
                + "(deploy/local/tools.sh does) or set planeval.evaluation.pack-font to a TrueType Japanese font");
        }
        return font;
    }
}
