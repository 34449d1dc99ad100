package io.planeval.evaluation.opendata;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.NarrativeSubject;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.MemberFigures;
import io.planeval.evaluation.attainment.PlanNode;
import io.planeval.evaluation.narrative.IndicatorNarrative;
import io.planeval.evaluation.narrative.Narratives;
import io.planeval.evaluation.narrative.NodeNarrative;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.support.csv.CsvCells;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.members.MemberKeys;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.time.Moments;

/**
 * Open-data plans' results as a machine-readable dataset, the way the Japanese government's guidance for
 * machine-readable data asks (UTF-8, one header row, one value per cell, 西暦 and 和暦 in columns of their own, no
 * merged cells or notes in cells): one row per indicator and fiscal year of the plan, with CSV on the Web metadata
 * describing every column and the licence, and a DCAT catalogue of the datasets.
 */
@ApplicationScoped
public class OpenData {

    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    static final String CSV = "open-data.csv";
    static final String METADATA = "open-data.csv-metadata.json";
    static final String NARRATIVES_CSV = "open-data-narratives.csv";
    static final String NARRATIVES_METADATA = "open-data-narratives.csv-metadata.json";
    static final String SDMX_CSV = "open-data.sdmx.csv";

    static final List<OpenDataColumn<OpenDataRow>> COLUMNS = List.of(
        new OpenDataColumn<>("planCode", "計画コード", "string", true, "planeval's code of the plan", r -> r.plan().code()),
        new OpenDataColumn<>("planTitle", "計画名", "string", true, "The plan's title", r -> r.plan().plan().title()),
        new OpenDataColumn<>("goalCode", "目標コード", "string", true, "The level-1 node (goal) the indicator belongs under",
            r -> r.goal().code()),
        new OpenDataColumn<>("goalTitle", "目標名", "string", true, "The goal's title", r -> r.goal().title()),
        new OpenDataColumn<>("nodeCode", "施策コード", "string", true, "The node the indicator belongs to", r -> r.evaluation().indicator().nodeCode()),
        new OpenDataColumn<>("indicatorCode", "指標コード", "string", true, "The indicator's code in the plan",
            r -> r.evaluation().indicator().code()),
        new OpenDataColumn<>("indicatorName", "指標名", "string", true, "The indicator's name", r -> r.evaluation().indicator().name()),
        new OpenDataColumn<>("kind", "指標の種類", "string", true, "kgi (重要目標達成指標) or kpi (重要業績評価指標)",
            r -> Vocabulary.wire(r.evaluation().indicator().kind())),
        new OpenDataColumn<>("unit", "単位", "string", false, "The unit of target and actual; empty for qualitative indicators",
            r -> r.evaluation().indicator().unit()),
        new OpenDataColumn<>("fiscalYear", "年度（西暦）", "integer", true, "Fiscal year (April to March), Gregorian: 2024 = 令和6年度",
            r -> Integer.toString(r.evaluation().fiscalYear())),
        new OpenDataColumn<>("fiscalYearJapanese", "年度（和暦）", "string", true, "The same fiscal year in the Japanese era",
            r -> FiscalYears.label(r.evaluation().fiscalYear())),
        new OpenDataColumn<>("target", "目標値", "decimal", false, "The target the year is judged against (a milestone or the final "
            + "target), in the unit column's unit", r -> target(r.evaluation()) == null ? null : CsvCells.number(target(r.evaluation()).value())),
        new OpenDataColumn<>("targetText", "目標（定性）", "string", false, "A qualitative target",
            r -> target(r.evaluation()) == null ? null : target(r.evaluation()).text()),
        new OpenDataColumn<>("actual", "実績値", "decimal", false, "The actual in force, in the unit column's unit",
            r -> r.evaluation().working().actual() == null ? null : CsvCells.number(r.evaluation().working().actual().value())),
        new OpenDataColumn<>("outcome", "実績（定性）", "string", false, "achieved or not_achieved, for qualitative indicators",
            r -> r.evaluation().working().actual() == null ? null : Objects.toString(r.evaluation().working().actual().outcome(), null)),
        new OpenDataColumn<>("status", "評価", "string", true, "achieved, not_achieved, being_tallied or no_target",
            r -> Vocabulary.wire(r.evaluation().status())),
        new OpenDataColumn<>("statusJapanese", "評価（表示）", "string", true, "達成, 未達成, 集計中 or 目標なし",
            r -> r.evaluation().status().label()),
        new OpenDataColumn<>("attainmentPercent", "達成率（%）", "decimal", false,
            "Attainment in percent, to 4 decimal places (half-up); empty where it is undefined",
            r -> r.evaluation().attainment() == null ? null
                : r.evaluation().attainment().setScale(4, RoundingMode.HALF_UP).toPlainString()));

    static final List<OpenDataColumn<NarrativeRow>> NARRATIVE_COLUMNS = List.of(
        new OpenDataColumn<>("planCode", "計画コード", "string", true, "planeval's code of the plan", r -> r.plan().code()),
        new OpenDataColumn<>("subject", "対象", "string", true, "node (the committee's evaluation of a goal or other node) or "
            + "indicator (its causes and actions)", r -> Vocabulary.wire(r.subject())),
        new OpenDataColumn<>("code", "コード", "string", true, "The node's or the indicator's code", NarrativeRow::code),
        new OpenDataColumn<>("name", "名称", "string", true, "The node's title or the indicator's name", NarrativeRow::name),
        new OpenDataColumn<>("fiscalYear", "年度（西暦）", "integer", true, "Fiscal year the words are about, Gregorian: 2024 = 令和6年度",
            r -> Integer.toString(r.fiscalYear())),
        new OpenDataColumn<>("fiscalYearJapanese", "年度（和暦）", "string", true, "The same fiscal year in the Japanese era",
            r -> FiscalYears.label(r.fiscalYear())),
        new OpenDataColumn<>("evaluation", "評価", "string", false, "A node's written evaluation （３）評価; paragraphs on lines of their own",
            NarrativeRow::evaluation),
        new OpenDataColumn<>("highlights", "主な成果", "string", false, "A node's highlight lines, one per line",
            r -> r.highlights() == null || r.highlights().isEmpty() ? null : String.join("\n", r.highlights())),
        new OpenDataColumn<>("causes", "要因分析", "string", false, "An indicator's causes: why it stands where it does", NarrativeRow::causes),
        new OpenDataColumn<>("actions", "改善策", "string", false, "An indicator's actions: what is done about it", NarrativeRow::actions),
        new OpenDataColumn<>("revision", "版", "integer", true, "The revision in force: 1 for the first text, then 2, 3 …",
            r -> Integer.toString(r.revision())),
        new OpenDataColumn<>("writtenAt", "記入日時", "datetime", true, "When the revision was written (UTC)", r -> r.writtenAt().toString()));

    @Inject
    EvaluationQueries queries;

    @Inject
    Narratives narratives;

    @Inject
    ReadModel readModel;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    /** A dataset's bytes with the moment its plan's data last changed. */
    public record Dataset(byte[] body, Instant lastModified) {
    }

    /** The plan's dataset as CSV: one row per indicator and fiscal year, in goal, kind, code and year order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Dataset csv(String planCode) {
        ReadModel.PlanSnapshot plan = openPlan(planCode);
        List<OpenDataRow> rows = new ArrayList<>();
        for (int year = plan.plan().firstFiscalYear(); year <= plan.plan().lastFiscalYear(); year++) {
            EvaluationQueries.Snapshot s = queries.snapshot(planCode, year, null);
            Map<String, PlanNode> byCode = new HashMap<>();
            s.nodes().forEach(n -> byCode.put(n.code(), n));
            for (Evaluation e : s.evaluations()) {
                PlanNode goal = PlanNode.goalOf(e.indicator().nodeCode(), byCode);
                if (goal != null) {
                    rows.add(new OpenDataRow(plan, goal, e));
                }
            }
        }
        rows.sort(Comparator.comparing((OpenDataRow r) -> r.goal().position())
            .thenComparing(r -> r.evaluation().indicator().isKgi() ? 0 : 1)
            .thenComparing(r -> r.evaluation().indicator().code())
            .thenComparing(r -> r.evaluation().fiscalYear()));
        return new Dataset(table(COLUMNS, rows), lastModified(planCode));
    }

    /**
     * The plan's figures as SDMX-CSV 2.0: each indicator's own figure, and each of a broken-down indicator's members',
     * for every fiscal year with one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Dataset sdmxCsv(String planCode) {
        ReadModel.PlanSnapshot plan = openPlan(planCode);
        List<SdmxCsv.Observation> observations = new ArrayList<>();
        for (int year = plan.plan().firstFiscalYear(); year <= plan.plan().lastFiscalYear(); year++) {
            EvaluationQueries.Snapshot s = queries.snapshot(planCode, year, null);
            List<Evaluation> brokenDown = new ArrayList<>();
            for (Evaluation e : s.evaluations()) {
                if (SdmxCsv.observed(e.working().actual())) {
                    observations.add(new SdmxCsv.Observation(e.indicator().code(), e.indicator().unit(), Map.of(), year, e.working().actual(), e));
                }
                if (e.indicator().breakdown() != null) {
                    brokenDown.add(e);
                }
            }
            if (brokenDown.isEmpty()) {
                continue;
            }
            Map<String, Map<String, Actual>> members = readModel.members(planCode, brokenDown.stream().map(e -> e.indicator().code()).toList(),
                year, Moments.EVERYTHING_RECORDED);
            for (Evaluation e : brokenDown) {
                int fiscalYear = year;
                members.getOrDefault(e.indicator().code(), Map.of()).forEach((cell, figure) -> {
                    if (SdmxCsv.observed(figure)) {
                        observations.add(new SdmxCsv.Observation(e.indicator().code(), e.indicator().unit(), MemberKeys.members(cell),
                            fiscalYear, figure, MemberFigures.evaluateCell(e.indicator(), fiscalYear, cell, figure)));
                    }
                });
            }
        }
        return new Dataset(SdmxCsv.write(planCode, observations), lastModified(planCode));
    }

    /**
     * The plan's narratives as CSV: each one in force now, per fiscal year (nodes' evaluations, then indicators' causes
     * and actions, by code).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Dataset narrativesCsv(String planCode) {
        ReadModel.PlanSnapshot plan = openPlan(planCode);
        Map<String, String> nodeTitles = new HashMap<>();
        plan.plan().nodes().forEach(n -> nodeTitles.put(n.code(), n.title()));
        Map<String, String> indicatorNames = new HashMap<>();
        readModel.indicators(planCode, Moments.EVERYTHING_RECORDED).forEach(i -> indicatorNames.put(i.code(), i.name()));
        List<NarrativeRow> rows = new ArrayList<>();
        for (int year = plan.plan().firstFiscalYear(); year <= plan.plan().lastFiscalYear(); year++) {
            Narratives.InForce words = narratives.inForce(planCode, year, Moments.EVERYTHING_RECORDED);
            for (NodeNarrative n : words.nodes().values()) {
                rows.add(new NarrativeRow(plan, NarrativeSubject.NODE, n.nodeCode(), nodeTitles.get(n.nodeCode()), year, n.revision(),
                    n.evaluation(), n.highlights(), null, null, n.writtenAt()));
            }
            for (IndicatorNarrative n : words.indicators().values()) {
                rows.add(new NarrativeRow(plan, NarrativeSubject.INDICATOR, n.indicatorCode(), indicatorNames.get(n.indicatorCode()), year,
                    n.revision(), null, null, n.causes(), n.actions(), n.writtenAt()));
            }
        }
        rows.sort(Comparator.comparing(NarrativeRow::fiscalYear).thenComparing(NarrativeRow::subject).thenComparing(NarrativeRow::code));
        return new Dataset(table(NARRATIVE_COLUMNS, rows), lastModified(planCode));
    }

    private static <R> byte[] table(List<OpenDataColumn<R>> columns, List<R> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", columns.stream().map(OpenDataColumn::name).toList())).append("\r\n");
        for (R row : rows) {
            csv.append(String.join(",", columns.stream().map(c -> CsvCells.text(c.value().apply(row))).toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The CSV on the Web metadata (JSON-LD) of the plan's dataset: every column with its title, datatype and meaning, and the licence. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] metadata(String planCode) {
        return metadata(openPlan(planCode), CSV, " 評価結果", "planeval: each indicator's target, actual, status and attainment per fiscal year",
            COLUMNS, List.of("indicatorCode", "fiscalYear"));
    }

    /** The CSV on the Web metadata of the plan's narratives. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] narrativesMetadata(String planCode) {
        return metadata(openPlan(planCode), NARRATIVES_CSV, " 評価・要因分析",
            "planeval: the committee's written evaluation of each node, and each indicator's causes and actions, per fiscal year",
            NARRATIVE_COLUMNS, List.of("subject", "code", "fiscalYear"));
    }

    private <R> byte[] metadata(ReadModel.PlanSnapshot plan, String url, String titleSuffix, String description,
                                List<OpenDataColumn<R>> tableColumns, List<String> primaryKey) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("@context", List.of("http://www.w3.org/ns/csvw", Map.of("@language", "ja")));
        metadata.put("url", url);
        metadata.put("dc:title", plan.plan().title() + titleSuffix);
        metadata.put("dc:description", description);
        metadata.put("dc:license", Map.of("@id", LICENSE));
        metadata.put("dc:modified", lastModified(plan.code()).toString());
        metadata.put("dialect", Map.of("encoding", "utf-8", "header", true, "lineTerminators", List.of("\r\n")));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (OpenDataColumn<R> column : tableColumns) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", column.name());
            c.put("titles", column.title());
            c.put("datatype", column.datatype());
            c.put("required", column.required());
            c.put("dc:description", column.description());
            columns.add(c);
        }
        metadata.put("tableSchema", Map.of("columns", columns, "primaryKey", primaryKey));
        return json(metadata);
    }

    /** A DCAT catalogue (JSON-LD) of every open-data plan's dataset, with its two distributions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] catalog() {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (ReadModel.PlanSnapshot plan : readModel.plans()) {
            if (!plan.plan().openData()) {
                continue;
            }
            Map<String, Object> results = dataset(plan, CSV, METADATA, plan.code(), " 評価結果");
            List<Object> distributions = new ArrayList<>((List<?>) results.get("dcat:distribution"));
            distributions.add(Map.of("@type", "dcat:Distribution",
                "dcat:downloadURL", Map.of("@id", "/api/v1/plans/" + plan.code() + "/" + SDMX_CSV), "dcat:mediaType", SdmxCsv.MEDIA_TYPE,
                "dct:conformsTo", Map.of("@id", "https://github.com/sdmx-twg/sdmx-csv/tree/v2.0.0"), "dct:license", Map.of("@id", LICENSE)));
            results.put("dcat:distribution", distributions);
            datasets.add(results);
            datasets.add(dataset(plan, NARRATIVES_CSV, NARRATIVES_METADATA, plan.code() + "-narratives", " 評価・要因分析"));
        }
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", Map.of("dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/"));
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", "planeval open data");
        catalog.put("dcat:dataset", datasets);
        return json(catalog);
    }

    /** A DCAT dataset of the plan: a CSV and its CSVW metadata. */
    private Map<String, Object> dataset(ReadModel.PlanSnapshot plan, String csv, String metadata, String identifier, String titleSuffix) {
        String base = "/api/v1/plans/" + plan.code() + "/";
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("@id", base + csv);
        dataset.put("@type", "dcat:Dataset");
        dataset.put("dct:identifier", identifier);
        dataset.put("dct:title", plan.plan().title() + titleSuffix);
        dataset.put("dct:license", Map.of("@id", LICENSE));
        dataset.put("dct:modified", lastModified(plan.code()).toString());
        dataset.put("dct:temporal", Map.of("@type", "dct:PeriodOfTime",
            "dcat:startDate", LocalDate.of(plan.plan().firstFiscalYear(), 4, 1).toString(),
            "dcat:endDate", LocalDate.of(plan.plan().lastFiscalYear() + 1, 3, 31).toString()));
        dataset.put("dcat:keyword", List.of("行財政改革", "KPI", "KGI", "評価"));
        dataset.put("dcat:distribution", List.of(
            Map.of("@type", "dcat:Distribution", "dcat:downloadURL", Map.of("@id", base + csv), "dcat:mediaType", "text/csv",
                "dct:conformsTo", Map.of("@id", base + metadata), "dct:license", Map.of("@id", LICENSE)),
            Map.of("@type", "dcat:Distribution", "dcat:downloadURL", Map.of("@id", base + metadata),
                "dcat:mediaType", "application/csvm+json", "dct:license", Map.of("@id", LICENSE))));
        return dataset;
    }

    private ReadModel.PlanSnapshot openPlan(String planCode) {
        return readModel.plan(planCode, Moments.EVERYTHING_RECORDED).filter(plan -> plan.plan().openData())
            .orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " is not open data (or not known)"));
    }

    /** When anything the plan's datasets show last changed: its plan, an indicator, a measurement, a result, or a narrative. */
    Instant lastModified(String planCode) {
        Object latest = entityManager.createNativeQuery("""
                SELECT greatest((SELECT max(changed_at) FROM plan_version WHERE plan_code = :plan),
                                (SELECT max(changed_at) FROM indicator_version WHERE plan_code = :plan),
                                (SELECT max(recorded_at) FROM measurement WHERE plan_code = :plan),
                                (SELECT max(evaluated_at) FROM recalculated_result WHERE plan_code = :plan),
                                (SELECT max(written_at) FROM narrative_revision WHERE plan_code = :plan))""")
            .setParameter("plan", planCode)
            .getSingleResult();
        return Moments.of(latest);
    }

    private byte[] json(Map<String, Object> value) {
        try {
            return objectMapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write open-data metadata", e);
        }
    }

    private static Evaluation.TargetUsed target(Evaluation e) {
        return e.working().target();
    }
}
