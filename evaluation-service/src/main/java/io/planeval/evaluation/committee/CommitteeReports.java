package io.planeval.evaluation.committee;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Actor;
import io.planeval.contracts.ReportFixed;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.evaluation.attachment.Attachment;
import io.planeval.evaluation.attachment.Attachments;
import io.planeval.evaluation.pack.CommitteePacks;
import io.planeval.evaluation.pack.PackContent;
import io.planeval.evaluation.pack.PackFormat;
import io.planeval.evaluation.narrative.IndicatorNarrative;
import io.planeval.evaluation.readmodel.PlanStates;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.Change;
import io.planeval.evaluation.report.CommitteeCsv;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.evaluation.report.PlanReport;
import io.planeval.support.digest.ContentHash;
import io.planeval.support.outbox.Outbox;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;

/**
 * Committee reports fixed as they were served: the evaluation's JSON and the committee CSV are stored as bytes with
 * a content hash, and each indicator's state beside them, so that what changed afterwards (corrections, late
 * tallies) is listed against what the committee saw, not against a recomputation of it.
 */
@ApplicationScoped
public class CommitteeReports {

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 2000;
    private static final TypeReference<List<Change>> RESULTS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    EvaluationQueries queries;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Caller caller;

    @Inject
    PlanStates planStates;

    @Inject
    ReadModel readModel;

    @Inject
    Attachments attachments;

    @Inject
    CommitteePacks packs;

    @Inject
    Outbox outbox;

    /** The outcome of a fix: {@code created} false when the same report was fixed already. */
    public record Fixed(FixedReport report, boolean created) {
    }

    @Transactional
    public Fixed fix(String planCode, FixRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a report to fix is required: {\"name\": …, \"fiscalYear\": …, \"asOf\": …}");
        }
        String name = request.name();
        if (name == null || name.isBlank() || name.length() > MAX_NAME || Text.fault(name) != null) {
            throw ProblemException.invalid("name", name == null || name.isBlank() ? "is required, e.g. 第39回 行財政改革評価・推進委員会"
                : name.length() > MAX_NAME ? "is longer than " + MAX_NAME + " characters" : Text.fault(name));
        }
        if (request.asOf() != null && request.asOf().isBlank()) {
            throw ProblemException.invalid("asOf", "is blank: give an instant (2025-07-17T06:00:00Z) or a date (2025-07-17), "
                + "or leave it out for now");
        }
        Instant now = Moments.now();
        Instant asOf = request.asOf() == null ? now : QueryParams.moment("asOf", request.asOf());
        if (asOf.isAfter(now)) {
            throw ProblemException.invalid("asOf", request.asOf() + " has not passed yet: a report is fixed as of a moment that has");
        }
        EvaluationQueries.Snapshot snapshot = queries.snapshot(planCode, request.fiscalYear(), asOf);
        Optional<FixedReport> existing = find(planCode, name);
        if (existing.isPresent()) {
            return new Fixed(same(existing.get(), snapshot.fiscalYear(), request.asOf() == null ? null : asOf), false);
        }
        List<String> unexplained = unexplainedMisses(planCode, snapshot, request);
        byte[] evaluation = bytes(EvaluationQueries.report(snapshot));
        List<?> ids = entityManager.createNativeQuery("""
                INSERT INTO committee_report (plan_code, name, fiscal_year, as_of, fixed_at, fixed_by, evaluation,
                                              evaluation_csv, content_hash, results, unexplained_misses, unexplained_reason, attachments)
                VALUES (:plan, :name, :year, :asOf, :now, CAST(:by AS jsonb), :evaluation, :csv, :hash, CAST(:results AS jsonb),
                        CAST(:unexplained AS jsonb), :reason, CAST(:attachments AS jsonb))
                ON CONFLICT (plan_code, name) DO NOTHING RETURNING id""")
            .setParameter("plan", planCode)
            .setParameter("name", name)
            .setParameter("year", snapshot.fiscalYear())
            .setParameter("asOf", asOf)
            .setParameter("now", now)
            .setParameter("by", readModel.json(caller.actor()))
            .setParameter("evaluation", evaluation)
            .setParameter("csv", CommitteeCsv.write(snapshot).getBytes(StandardCharsets.UTF_8))
            .setParameter("hash", ContentHash.of(evaluation))
            .setParameter("results", readModel.json(EvaluationQueries.states(snapshot)))
            .setParameter("unexplained", unexplained.isEmpty() ? null : readModel.json(unexplained))
            .setParameter("reason", unexplained.isEmpty() ? null : request.reason())
            .setParameter("attachments", readModel.json(attachments.ofYear(planCode, snapshot.fiscalYear(), asOf)))
            .getResultList();
        if (ids.isEmpty()) {
            // Another request fixed it with the same name meanwhile.
            return new Fixed(same(find(planCode, name).orElseThrow(), snapshot.fiscalYear(), request.asOf() == null ? null : asOf), false);
        }
        long id = ((Number) ids.get(0)).longValue();
        PackContent pack = packs.content(snapshot, name, asOf);
        for (PackFormat format : PackFormat.values()) {
            byte[] bytes = packs.write(pack, format);
            entityManager.createNativeQuery("""
                    INSERT INTO committee_report_pack (report_id, format, content, sha256) VALUES (:id, :format, :content, :hash)""")
                .setParameter("id", id)
                .setParameter("format", format.extension())
                .setParameter("content", bytes)
                .setParameter("hash", ContentHash.of(bytes))
                .executeUpdate();
        }
        outbox.append(new ReportFixed(planCode, id, name, snapshot.fiscalYear(), asOf, now, caller.actor(), ContentHash.of(evaluation)));
        return new Fixed(get(planCode, id), true);
    }

    /** The pack made when the report was fixed, byte for byte. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] pack(String planCode, long id, PackFormat format) {
        get(planCode, id);
        Optional<?> content = entityManager.createNativeQuery("SELECT content FROM committee_report_pack WHERE report_id = :id AND format = :format")
            .setParameter("id", id)
            .setParameter("format", format.extension())
            .getResultStream().findFirst();
        return content.map(byte[].class::cast)
            .orElseThrow(() -> ProblemException.notFound("Report " + id + " of plan " + planCode + " was fixed before packs were made"));
    }

    /**
     * The not-achieved indicators of the snapshot without causes written, where the plan (as it stands now) requires
     * them: a conflict naming each, unless the request accepts them with a reason; the ones accepted.
     */
    private List<String> unexplainedMisses(String planCode, EvaluationQueries.Snapshot snapshot, FixRequest request) {
        boolean required = readModel.plan(planCode, Moments.EVERYTHING_RECORDED).map(p -> p.plan().causesRequired()).orElse(true);
        List<Violation> unexplained = snapshot.evaluations().stream()
            .filter(e -> e.status() == EvaluationStatus.NOT_ACHIEVED)
            .filter(e -> snapshot.narratives().indicator(e.indicator().code()).map(IndicatorNarrative::causes).isEmpty())
            .sorted(Comparator.comparing(e -> e.indicator().code()))
            .map(e -> new Violation(e.indicator().code(), e.indicator().name() + ": not achieved in "
                + FiscalYears.label(snapshot.fiscalYear()) + " and no causes written"))
            .toList();
        if (!required || unexplained.isEmpty()) {
            return List.of();
        }
        if (!Boolean.TRUE.equals(request.acceptMissingNarratives())) {
            throw ProblemException.conflict(unexplained.size() + " not-achieved indicators of " + FiscalYears.label(snapshot.fiscalYear())
                + " have no causes written: write them (putIndicatorNarrative), or fix the report with "
                + "\"acceptMissingNarratives\": true and a reason", unexplained);
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_REASON
            || Text.fault(request.reason()) != null) {
            throw ProblemException.invalid("reason", request.reason() == null || request.reason().isBlank()
                ? "is required with acceptMissingNarratives: why the report is fixed without every miss explained"
                : request.reason().length() > MAX_REASON ? "is longer than " + MAX_REASON + " characters" : Text.fault(request.reason()));
        }
        return unexplained.stream().map(Violation::field).toList();
    }

    /** The report fixed before under the same name, where the request asks for the same one (a retry); else a conflict. */
    private static FixedReport same(FixedReport existing, int fiscalYear, Instant asOf) {
        if (existing.fiscalYear() == fiscalYear && (asOf == null || asOf.equals(existing.asOf()))) {
            return existing;
        }
        throw ProblemException.conflict("Plan " + existing.planCode() + " has a report named " + existing.name()
            + " already (id " + existing.id() + ", " + existing.fiscalYearLabel() + " as of " + existing.asOf()
            + "): a fixed report never changes; fix another under a new name");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FixedReport> list(String planCode) {
        if (planStates.get(planCode).isEmpty()) {
            throw ProblemException.notFound("Plan " + planCode + " is not known");
        }
        return summaries("WHERE plan_code = :plan ORDER BY id", Map.of("plan", planCode));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FixedReport get(String planCode, long id) {
        return summaries("WHERE plan_code = :plan AND id = :id", Map.of("plan", planCode, "id", id)).stream().findFirst()
            .orElseThrow(() -> notFound(planCode, Long.toString(id)));
    }

    /** The fixed evaluation's JSON, byte for byte. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] evaluation(String planCode, long id) {
        return (byte[]) column("evaluation", planCode, id);
    }

    /** The fixed committee CSV, byte for byte. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] csv(String planCode, long id) {
        return (byte[]) column("evaluation_csv", planCode, id);
    }

    /** Every indicator whose status, attainment or figure in force differs now from what the report fixed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> changes(String planCode, long id) {
        FixedReport report = get(planCode, id);
        List<Change> fixed = read((String) column("results::text", planCode, id));
        return EvaluationQueries.changes(fixed, queries.snapshot(planCode, report.fiscalYear(), null));
    }

    /** The report id of a path, or 404: no report has any other. */
    public static long id(String planCode, String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(planCode, Text.excerpt(id));
        }
    }

    private static ProblemException notFound(String planCode, String id) {
        return ProblemException.notFound("Plan " + planCode + " has no fixed report " + id);
    }

    private Optional<FixedReport> find(String planCode, String name) {
        return summaries("WHERE plan_code = :plan AND name = :name", Map.of("plan", planCode, "name", name)).stream().findFirst();
    }

    private Object column(String column, String planCode, long id) {
        List<?> rows = entityManager.createNativeQuery("SELECT " + column + " FROM committee_report WHERE plan_code = :plan AND id = :id")
            .setParameter("plan", planCode)
            .setParameter("id", id)
            .getResultList();
        if (rows.isEmpty()) {
            throw notFound(planCode, Long.toString(id));
        }
        return rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<FixedReport> summaries(String where, Map<String, Object> parameters) {
        var query = entityManager.createNativeQuery("SELECT id, plan_code, name, fiscal_year, as_of, fixed_at, fixed_by::text, "
                + "content_hash, unexplained_misses::text, unexplained_reason, attachments::text, "
                + "(SELECT jsonb_agg(jsonb_build_object('format', p.format, 'sha256', p.sha256, 'size', length(p.content)) ORDER BY p.format)"
                + " FROM committee_report_pack p WHERE p.report_id = committee_report.id)::text FROM committee_report " + where);
        parameters.forEach(query::setParameter);
        return ((List<Object[]>) query.getResultList()).stream().map(row -> {
            long id = ((Number) row[0]).longValue();
            int year = ((Number) row[3]).intValue();
            String base = "/api/v1/plans/" + row[1] + "/reports/" + id;
            return new FixedReport(id, (String) row[1], (String) row[2], year, FiscalYears.label(year), Moments.of(row[4]),
                Moments.of(row[5]), row[6] == null ? null : readModel.read((String) row[6], Actor.class), (String) row[7],
                row[8] == null ? null : new FixedReport.UnexplainedMisses(List.of(readModel.read((String) row[8], String[].class)), (String) row[9]),
                row[10] == null ? List.of() : List.of(readModel.read((String) row[10], Attachment[].class)),
                row[11] == null ? List.of() : List.of(readModel.read((String) row[11], FixedReport.Pack[].class)),
                new FixedReport.Links(base + "/evaluation", base + "/evaluation.csv", base + "/changes", base + "/pack"));
        }).toList();
    }

    /** The report's JSON as the evaluation serves it, bytes and all: what the hash is of. */
    private byte[] bytes(PlanReport report) {
        try {
            return objectMapper.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a fixed report", e);
        }
    }

    private List<Change> read(String json) {
        try {
            return objectMapper.readValue(json, RESULTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a fixed report's results", e);
        }
    }
}
