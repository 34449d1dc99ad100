package io.planeval.evaluation.members;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.MemberOrder;
import io.planeval.evaluation.attainment.Actual;
import io.planeval.evaluation.attainment.IndicatorDefinition;
import io.planeval.evaluation.attainment.IndicatorEvaluator;
import io.planeval.evaluation.attainment.MemberFigures;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.evaluation.report.EvaluationQueries;
import io.planeval.evaluation.report.IndicatorResult;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.http.Page;
import io.planeval.support.problem.ProblemException;

/** Lists a broken-down indicator's members with their figures and results, as of any moment. */
@ApplicationScoped
public class IndicatorMembers {

    /** Statuses as a comparison lists them: misses first, achieved last. */
    private static final List<EvaluationStatus> WORST_FIRST = List.of(EvaluationStatus.NOT_ACHIEVED, EvaluationStatus.BEING_TALLIED,
        EvaluationStatus.NO_TARGET, EvaluationStatus.ACHIEVED);

    /** Enough for every cell an indicator may have (indicator-service allows 10,000): a page showing them all. */
    public static final int EVERY_CELL = 10_000;

    @Inject
    ReadModel readModel;

    @Inject
    EvaluationQueries queries;

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberPage list(String planCode, String code, Integer fiscalYear, Instant asOf, MemberOrder order, boolean descending,
                           int limit, String cursor) {
        EvaluationQueries.PlanYear asked = queries.planYear(planCode, fiscalYear, asOf);
        Instant moment = asked.moment();
        int year = asked.fiscalYear();
        IndicatorDefinition def = readModel.indicator(planCode, code, moment).orElseThrow(() -> ProblemException.notFound(
            "Plan " + planCode + " has no indicator " + code + (asOf == null ? "" : " as of " + asOf)));
        if (def.breakdown() == null) {
            throw ProblemException.notFound("Indicator " + code + " of plan " + planCode + " is not broken down"
                + (asOf == null ? "" : " as of " + asOf) + ": it has no members");
        }
        Map<String, Actual> figures = readModel.members(planCode, List.of(code), year, moment).getOrDefault(code, Map.of());
        List<MemberResult> cells = MemberFigures.cells(def.breakdown()).stream()
            .map(cell -> MemberResult.of(def, year, cell, figures.get(cell)))
            .sorted(order(order, descending))
            .toList();
        // A list computed whole: each cell's place in it is its key, so the pages follow the order asked for.
        List<Positioned> positioned = IntStream.range(0, cells.size())
            .mapToObj(i -> new Positioned(String.format("%06d", i), cells.get(i))).toList();
        Page<Positioned> page = Page.after(positioned, limit, cursor, Positioned::position);
        IndicatorResult whole = IndicatorResult.of(IndicatorEvaluator.evaluate(def, year,
            readModel.actual(planCode, def, year, moment).orElse(null)), null, null);
        return new MemberPage(planCode, code, def.name(), def.unit(), year, FiscalYears.label(year),
            def.breakdown().dimensions().stream().map(MemberPage.Dimension::of).toList(), def.breakdown().whole(),
            def.breakdown().aggregation(), cells.size(), (int) cells.stream().filter(MemberResult::reported).count(), whole, page.items().stream().map(Positioned::result).toList(), page.nextCursor());
    }

    private record Positioned(String position, MemberResult result) {
    }

    /** The order asked for; cells without a figure (or rate) come last either way, then by member key. */
    static Comparator<MemberResult> order(MemberOrder order, boolean descending) {
        Comparator<MemberResult> byKey = Comparator.comparing(MemberResult::key);
        Comparator<MemberResult> primary = switch (order) {
            case MEMBER -> byKey;
            case VALUE -> nullsLast(r -> r.value(), descending);
            case ATTAINMENT -> nullsLast(r -> r.attainment() == null ? null : r.attainment().percent(), descending);
            case STATUS -> {
                Comparator<MemberResult> worst = Comparator.comparingInt(IndicatorMembers::worstFirst);
                yield descending ? worst.reversed() : worst;
            }
        };
        return order == MemberOrder.MEMBER && descending ? byKey.reversed() : primary.thenComparing(byKey);
    }

    /** Misses first: a member that did not achieve, then one without a figure, then the rest worst first. */
    private static int worstFirst(MemberResult r) {
        if (r.status() == EvaluationStatus.NOT_ACHIEVED) {
            return 0;
        }
        return r.reported() ? 2 + WORST_FIRST.indexOf(r.status()) : 1;
    }

    private static <T extends Comparable<T>> Comparator<MemberResult> nullsLast(Function<MemberResult, T> key,
                                                                                 boolean descending) {
        Comparator<T> natural = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }
}
