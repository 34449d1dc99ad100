package io.planeval.indicator.measurements;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.support.problem.ProblemException;
import io.planeval.support.text.Text;

/**
 * {@code Idempotency-Key}: the first request with a key stores its response in the same transaction as its
 * measurements; a repeat of the same request gets that response again and stores nothing; the same key with
 * another request is refused. A second request racing the first waits for it on the key's row.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager entityManager;

    /** A response stored for a key. */
    public record StoredResponse(int status, String body) {
    }

    /** Claims the key for this request, or returns the response a previous identical request got. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claim(String key, String requestHash) {
        int claimed = entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (key, request_hash, response_status, response_body, created_at)
                VALUES (:key, :hash, 0, '', now()) ON CONFLICT DO NOTHING""")
            .setParameter("key", key)
            .setParameter("hash", requestHash)
            .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT request_hash, response_status, response_body FROM idempotency_key WHERE key = :key")
            .setParameter("key", key)
            .getResultList();
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw ProblemException.unprocessable("Idempotency-Key " + Text.excerpt(key) + " was used for a different request; "
                + "use a new key for a new request");
        }
        return Optional.of(new StoredResponse(((Number) row[1]).intValue(), (String) row[2]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String key, int status, String body) {
        entityManager.createNativeQuery(
                "UPDATE idempotency_key SET response_status = :status, response_body = :body WHERE key = :key")
            .setParameter("status", status)
            .setParameter("body", body)
            .setParameter("key", key)
            .executeUpdate();
    }
}
