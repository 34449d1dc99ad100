package io.planeval.evaluation.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.Language;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.persistence.SqlArrays;
import io.planeval.support.problem.ProblemException;
import io.planeval.support.problem.Violation;
import io.planeval.support.security.Caller;
import io.planeval.support.text.Text;
import io.planeval.support.time.Moments;

/** The directory of organisations that report: written by plan admins, read by the reminders. */
@ApplicationScoped
public class Organisations {

    static final int MAX_NAME = 200;
    static final int MAX_CONTACTS = 10;
    static final int MAX_CODE = 100;
    /**
     * An address a mail server takes: local part, @, a domain with a dot; no spaces, quotes or angle brackets (RFC 5321's
     * length limit). Hand-written, as no library here checks addresses without also resolving them.
     */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final int MAX_ADDRESS = 254;
    private static final String COLUMNS = "code, name, contacts, language, updated_at, updated_by::text";

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModel readModel;

    @Inject
    Caller caller;

    /** Writes the organisation under its code; true where it is new. */
    @Transactional
    public boolean put(String code, Organisation body) {
        List<Violation> violations = new ArrayList<>();
        if (code.length() > MAX_CODE || Text.fault(code) != null || code.isBlank()) {
            violations.add(new Violation("code", code.isBlank() ? "is empty" : code.length() > MAX_CODE ? "is longer than " + MAX_CODE
                + " characters" : Text.fault(code)));
        }
        if (body == null) {
            throw ProblemException.invalid("body", "an organisation is required: {\"name\": …, \"contacts\": [\"…@example.jp\"]}");
        }
        if (body.name() == null || body.name().isBlank()) {
            violations.add(new Violation("name", "is required"));
        } else if (body.name().length() > MAX_NAME) {
            violations.add(new Violation("name", "is longer than " + MAX_NAME + " characters"));
        } else if (Text.fault(body.name()) != null) {
            violations.add(new Violation("name", Text.fault(body.name())));
        }
        if (body.contacts() == null || body.contacts().isEmpty()) {
            violations.add(new Violation("contacts", "at least one e-mail address is required"));
        } else if (body.contacts().size() > MAX_CONTACTS) {
            violations.add(new Violation("contacts", "has " + body.contacts().size() + " addresses; at most " + MAX_CONTACTS + " are taken"));
        } else {
            for (int i = 0; i < body.contacts().size(); i++) {
                String address = body.contacts().get(i);
                if (address == null || address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches()) {
                    violations.add(new Violation("contacts[" + i + "]", "'" + Text.excerpt(String.valueOf(address)) + "' is not an e-mail address such as gyokaku@example.jp"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return ((Number) entityManager.createNativeQuery("""
                INSERT INTO organisation (code, name, contacts, language, updated_at, updated_by)
                VALUES (:code, :name, :contacts, :language, :now, CAST(:by AS jsonb))
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, contacts = EXCLUDED.contacts, language = EXCLUDED.language,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                RETURNING CASE WHEN xmax = 0 THEN 1 ELSE 0 END""")
            .setParameter("code", code)
            .setParameter("name", body.name().strip())
            .setParameter("contacts", body.contacts().stream().map(String::strip).distinct().toArray(String[]::new))
            .setParameter("language", Vocabulary.wire(body.language() == null ? Language.JA : body.language()))
            .setParameter("now", Moments.now())
            .setParameter("by", readModel.json(caller.actor()))
            .getSingleResult()).intValue() == 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Organisation> get(String code) {
        return entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM organisation WHERE code = :code")
            .setParameter("code", code).getResultStream().findFirst().map(row -> organisation((Object[]) row));
    }

    /** Every organisation, by code. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Organisation> all() {
        return ((List<Object[]>) entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM organisation ORDER BY code").getResultList())
            .stream().map(this::organisation).toList();
    }

    /** Every organisation in the directory, keyed by its code. */
    public Map<String, Organisation> byCode() {
        Map<String, Organisation> byCode = new HashMap<>();
        all().forEach(o -> byCode.put(o.code(), o));
        return byCode;
    }

    @Transactional
    public boolean delete(String code) {
        return entityManager.createNativeQuery("DELETE FROM organisation WHERE code = :code").setParameter("code", code).executeUpdate() == 1;
    }

    private Organisation organisation(Object[] row) {
        return new Organisation((String) row[0], (String) row[1], SqlArrays.texts(row[2]), Vocabulary.of(Language.class, (String) row[3]),
            Moments.of(row[4]), row[5] == null ? null : readModel.read((String) row[5], Actor.class));
    }
}
