package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.util.List;

import io.planeval.contracts.Vocabulary.Aggregation;

/**
 * A broken-down indicator's members' figures for a year, aggregated: over the cells that have a counted figure, with
 * the cells that have none named.
 *
 * @param expected every cell (one member of every dimension)
 * @param reported the cells with a counted figure
 * @param missing  the cells without one (none, or being tallied), by member key, in the breakdown's order
 * @param value    the aggregate of the reported cells, rounded to the breakdown's places; null when none has a figure
 * @param formula  how {@code value} was reached
 * @param agrees   where the whole is reported and every cell has a figure: whether the two are equal; null otherwise
 */
public record Aggregate(Aggregation aggregation, int expected, int reported, List<String> missing, BigDecimal value, String formula,
                        Boolean agrees) {

    public boolean complete() {
        return missing.isEmpty();
    }
}
