package io.planeval.indicator.measurements;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.planeval.support.problem.ProblemException;
import io.planeval.support.security.Caller;
import io.planeval.support.text.Text;

/**
 * {@code Idempotency-Key}, per client: the first request with a key stores its response in the same transaction as its
 * measurements; a repeat of the same request gets that response again and stores nothing; the same key with
 * another request is refused. A second request racing the first waits for it on the key's row.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    /** A response stored for a key. */
    public record StoredResponse(int status, String body) {
    }

    /** Claims the key for this request, or returns the response a previous identical request got. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claim(String key, String requestHash) {
        int claimed = entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (client, key, request_hash, response_status, response_body, created_at)
                VALUES (:client, :key, :hash, 0, '', now()) ON CONFLICT DO NOTHING""")
            .setParameter("client", client())
            .setParameter("key", key)
            .setParameter("hash", requestHash)
            .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT request_hash, response_status, response_body FROM idempotency_key WHERE client = :client AND key = :key")
            .setParameter("client", client())
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
                "UPDATE idempotency_key SET response_status = :status, response_body = :body WHERE client = :client AND key = :key")
            .setParameter("client", client())
            .setParameter("status", status)
            .setParameter("body", body)
            .setParameter("key", key)
            .executeUpdate();
    }

    /** The calling client, whose key space this is. */
    private String client() {
        String client = caller.client();
        return client == null ? "" : client;
    }
}
