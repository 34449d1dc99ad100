package io.planeval.evaluation.live;

import java.math.BigInteger;

import io.planeval.support.problem.ProblemException;
import io.planeval.support.text.Text;

/**
 * Where a change lies in the stream: its transaction, then its row; the SSE event id {@code <tx>-<id>} that a client
 * sends back as Last-Event-ID.
 */
record Position(BigInteger tx, long id) implements Comparable<Position> {

    static final Position START = new Position(BigInteger.ZERO, 0);

    static Position parse(String field, String lastEventId) {
        int dash = lastEventId.indexOf('-');
        try {
            Position position = new Position(new BigInteger(lastEventId.substring(0, dash)), Long.parseLong(lastEventId.substring(dash + 1)));
            if (position.tx.signum() >= 0 && position.id >= 0) {
                return position;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // refused below
        }
        throw ProblemException.invalid(field, "'" + Text.excerpt(lastEventId) + "' is not an event id of this stream");
    }

    @Override
    public int compareTo(Position other) {
        int byTx = tx.compareTo(other.tx);
        return byTx != 0 ? byTx : Long.compare(id, other.id);
    }

    @Override
    public String toString() {
        return tx + "-" + id;
    }
}
