package io.planeval.evaluation.attachment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.AttachedTo;
import io.planeval.evaluation.EvaluationConfig;
import io.planeval.evaluation.attachment.FileTypes.FileType;
import io.planeval.evaluation.narrative.Narratives;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.digest.ContentHash;
import io.planeval.support.http.Page;
import io.planeval.support.http.QueryParams;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;

/**
 * Evidence kept with the figures and words it supports: stored in PostgreSQL with its SHA-256, its type checked from
 * its bytes, written by whoever may write what it is attached to, read by readers.
 */
@ApplicationScoped
public class Attachments {

    static final int MAX_FILE_NAME = 200;
    private static final String COLUMNS = "id, plan_code, attached_to, code, fiscal_year, revision, file_name, media_type, size, sha256, "
        + "uploaded_at, uploaded_by::text";

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModel readModel;

    @Inject
    Narratives narratives;

    @Inject
    Caller caller;

    @Inject
    EvaluationConfig config;

    /** What a file is attached to: kind, code, year and revision (a measurement's id, or a narrative's revision). */
    public record Target(AttachedTo attachedTo, String code, int fiscalYear, long revision) {
    }

    /** A stored file: created, or the same file attached to the same thing before. */
    public record Stored(Attachment attachment, boolean created) {
    }

    /** A file's bytes as stored, with its name and type. */
    public record Content(String fileName, String mediaType, byte[] bytes) {
    }

    @Transactional
    public Stored upload(String planCode, Selector selector, String fileName, String contentType, byte[] bytes) {
        Target target = target(planCode, selector, true);
        List<Violation> violations = new ArrayList<>();
        if (fileName == null || fileName.isBlank()) {
            violations.add(new Violation("fileName", "is required: the file's name, e.g. R6実績.pdf"));
        } else if (fileName.length() > MAX_FILE_NAME) {
            violations.add(new Violation("fileName", "is longer than " + MAX_FILE_NAME + " characters"));
        } else if (Text.fault(fileName) != null || fileName.contains("/") || fileName.contains("\\") || fileName.contains("\n")) {
            violations.add(new Violation("fileName", Text.fault(fileName) != null ? Text.fault(fileName)
                : "must be a file's name, without a folder or line breaks"));
        }
        FileType type = FileTypes.byMediaType(contentType).orElseThrow(() -> ProblemException.invalid("Content-Type",
            Text.excerpt(contentType) + " is not a type evidence may be: PDF, PNG, JPEG, XLSX, DOCX or CSV"));
        long limit = config.attachmentMaxSize().asLongValue();
        if (bytes == null || bytes.length == 0) {
            violations.add(new Violation("body", "is empty: send the file's bytes"));
        } else if (bytes.length > limit) {
            throw ProblemException.tooLarge("The file has " + bytes.length + " bytes; evidence may have at most " + limit
                + " (planeval.evaluation.attachment-max-size)");
        } else if (FileTypes.mismatch(type, bytes) != null) {
            violations.add(new Violation("body", "claims " + type.mediaType() + " but " + FileTypes.mismatch(type, bytes)));
        }
        if (violations.isEmpty() && FileTypes.nameMismatch(type, fileName) != null) {
            violations.add(new Violation("fileName", FileTypes.nameMismatch(type, fileName)));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String hash = ContentHash.of(bytes);
        List<?> ids = entityManager.createNativeQuery("""
                INSERT INTO attachment (plan_code, attached_to, code, fiscal_year, revision, file_name, media_type, size, sha256, content,
                                        uploaded_at, uploaded_by)
                VALUES (:plan, :to, :code, :year, :revision, :name, :type, :size, :hash, :content, :now, CAST(:by AS jsonb))
                ON CONFLICT DO NOTHING RETURNING id""")
            .setParameter("plan", planCode)
            .setParameter("to", Vocabulary.wire(target.attachedTo()))
            .setParameter("code", target.code())
            .setParameter("year", target.fiscalYear())
            .setParameter("revision", target.revision())
            .setParameter("name", fileName)
            .setParameter("type", type.mediaType())
            .setParameter("size", (long) bytes.length)
            .setParameter("hash", hash)
            .setParameter("content", bytes)
            .setParameter("now", Moments.now())
            .setParameter("by", readModel.json(caller.actor()))
            .getResultList();
        if (!ids.isEmpty()) {
            return new Stored(get(planCode, ((Number) ids.get(0)).longValue()), true);
        }
        // The same bytes attached to the same thing before: that one (a retry stores nothing new).
        return new Stored(rows("WHERE plan_code = :plan AND attached_to = :to AND code = :code AND fiscal_year = :year "
            + "AND revision = :revision AND sha256 = :hash", query -> query.setParameter("plan", planCode)
            .setParameter("to", Vocabulary.wire(target.attachedTo())).setParameter("code", target.code())
            .setParameter("year", target.fiscalYear()).setParameter("revision", target.revision()).setParameter("hash", hash), 1)
            .get(0), false);
    }

    /** The attachments of one thing (or of the plan's year, with no selector), oldest first, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Attachment> list(String planCode, Selector selector, Integer fiscalYear, int limit, String cursor) {
        readModel.plan(planCode, Moments.EVERYTHING_RECORDED).orElseThrow(() -> ProblemException.notFound("Plan " + planCode + " is not known"));
        Target target = selector.isEmpty() ? null : target(planCode, selector, false);
        long after;
        try {
            after = cursor == null ? 0 : Long.parseLong(QueryParams.cursorKeys(cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw QueryParams.invalidCursor();
        }
        List<Attachment> found = rows("""
                WHERE plan_code = :plan AND id > :after
                  AND (CAST(:to AS text) IS NULL OR (attached_to = CAST(:to AS text) AND code = CAST(:code AS text)
                       AND fiscal_year = CAST(:year AS integer) AND revision = CAST(:revision AS bigint)))
                  AND (CAST(:fiscalYear AS integer) IS NULL OR fiscal_year = CAST(:fiscalYear AS integer))
                ORDER BY id""", query -> query.setParameter("plan", planCode).setParameter("after", after)
            .setParameter("to", target == null ? null : Vocabulary.wire(target.attachedTo()))
            .setParameter("code", target == null ? null : target.code())
            .setParameter("year", target == null ? null : target.fiscalYear())
            .setParameter("revision", target == null ? null : target.revision())
            .setParameter("fiscalYear", fiscalYear), limit + 1);
        return Page.of(found, limit, a -> QueryParams.cursor(Long.toString(a.id())));
    }

    /** The attachments of the plan's year uploaded by the moment: what a report fixed then names. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Attachment> ofYear(String planCode, int fiscalYear, Instant asOf) {
        return rows("WHERE plan_code = :plan AND fiscal_year = :year AND uploaded_at <= :asOf ORDER BY id",
            query -> query.setParameter("plan", planCode).setParameter("year", fiscalYear).setParameter("asOf", asOf), Integer.MAX_VALUE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Attachment get(String planCode, long id) {
        List<Attachment> found = rows("WHERE plan_code = :plan AND id = :id",
            query -> query.setParameter("plan", planCode).setParameter("id", id), 1);
        if (found.isEmpty()) {
            throw notFound(planCode, Long.toString(id));
        }
        return found.get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Content content(String planCode, String id) {
        Optional<?> row = entityManager.createNativeQuery("SELECT file_name, media_type, content FROM attachment WHERE plan_code = :plan AND id = :id")
            .setParameter("plan", planCode)
            .setParameter("id", id(planCode, id))
            .getResultStream().findFirst();
        Object[] found = (Object[]) row.orElseThrow(() -> notFound(planCode, Text.excerpt(id)));
        return new Content((String) found[0], (String) found[1], (byte[]) found[2]);
    }

    /** Which thing the query names: exactly one of a measurement, a node's narrative, an indicator's narrative. */
    public record Selector(String measurementId, String node, String indicator, String fiscalYear, String revision) {

        boolean isEmpty() {
            return measurementId == null && node == null && indicator == null;
        }
    }

    /**
     * The thing a selector names, as it stands now; for an upload, the caller must be one who may write it (as its
     * measurements or narrative are written).
     */
    private Target target(String planCode, Selector s, boolean writing) {
        int named = (s.measurementId() == null ? 0 : 1) + (s.node() == null ? 0 : 1) + (s.indicator() == null ? 0 : 1);
        if (named != 1) {
            throw ProblemException.invalid("measurementId", "name exactly one of measurementId, node and indicator (with fiscalYear)"
                + ": what the file is attached to");
        }
        if (s.measurementId() != null) {
            Long id = parse(s.measurementId());
            Object[] measurement = id == null ? null : (Object[]) entityManager.createNativeQuery(
                    "SELECT indicator_code, fiscal_year FROM measurement WHERE plan_code = :plan AND measurement_id = :id")
                .setParameter("plan", planCode).setParameter("id", id).getResultStream().findFirst().orElse(null);
            if (measurement == null) {
                // A revision posted a moment ago may not have reached the evaluation yet: a conflict that passes.
                throw ProblemException.conflictRetryLater("Plan " + planCode + " has no measurement " + Text.excerpt(s.measurementId())
                    + " here (yet): a revision just posted reaches the evaluation within a second", 1);
            }
            if (writing) {
                narratives.checkIndicatorWriter(planCode, (String) measurement[0], "measurementId");
            }
            return new Target(AttachedTo.MEASUREMENT, (String) measurement[0], ((Number) measurement[1]).intValue(), id);
        }
        Integer revision = s.revision() == null ? null : QueryParams.wholeNumber("revision", s.revision());
        if (s.node() != null) {
            if (writing) {
                narratives.checkNodeWriter();
            }
            var narrative = narratives.node(planCode, s.node(), s.fiscalYear(), null);
            return new Target(AttachedTo.NODE_NARRATIVE, s.node(), narrative.fiscalYear(), revision(revision, narrative.revision()));
        }
        if (writing) {
            narratives.checkIndicatorWriter(planCode, s.indicator(), "indicator");
        }
        var narrative = narratives.indicator(planCode, s.indicator(), s.fiscalYear(), null);
        return new Target(AttachedTo.INDICATOR_NARRATIVE, s.indicator(), narrative.fiscalYear(), revision(revision, narrative.revision()));
    }

    /** The revision asked for (one that exists), or the one in force. */
    private static long revision(Integer asked, int current) {
        if (asked != null && (asked < 1 || asked > current)) {
            throw ProblemException.invalid("revision", asked + " is not a revision of the narrative (1–" + current + ")");
        }
        return asked == null ? current : asked;
    }

    @SuppressWarnings("unchecked")
    private List<Attachment> rows(String where, Consumer<Query> parameters, int limit) {
        Query query = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM attachment " + where)
            .setMaxResults(limit);
        parameters.accept(query);
        return ((List<Object[]>) query.getResultList()).stream().map(row -> new Attachment(((Number) row[0]).longValue(),
            (String) row[1], Vocabulary.of(AttachedTo.class, (String) row[2]), (String) row[3], ((Number) row[4]).intValue(),
            ((Number) row[5]).longValue(), (String) row[6], (String) row[7], ((Number) row[8]).longValue(), (String) row[9],
            Moments.of(row[10]), row[11] == null ? null : readModel.read((String) row[11], Actor.class),
            "/api/v1/plans/" + row[1] + "/attachments/" + row[0])).toList();
    }

    private static long id(String planCode, String id) {
        Long parsed = parse(id);
        if (parsed == null) {
            throw notFound(planCode, Text.excerpt(id));
        }
        return parsed;
    }

    private static Long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProblemException notFound(String planCode, String id) {
        return ProblemException.notFound("Plan " + planCode + " has no attachment " + id);
    }
}
