package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.Vocabulary.Aggregation;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.contracts.Vocabulary.ShareCondition;
import io.planeval.contracts.Vocabulary.WholeFigure;
import io.planeval.support.members.MemberKeys;

/** Broken-down indicators and members' figures for the aggregation tests. */
final class MemberFiguresFixtures {

    private MemberFiguresFixtures() {
    }

    /** Members m1 … mN of one dimension, "area". */
    static IndicatorChanged.Dimension area(int members) {
        List<IndicatorChanged.Member> list = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            list.add(new IndicatorChanged.Member("m" + i, "地区" + i));
        }
        return new IndicatorChanged.Dimension("area", "地区", list);
    }

    static IndicatorDefinition brokenDown(String target, WholeFigure whole, Aggregation aggregation, ShareCondition condition,
                                          String threshold, Integer decimals, List<IndicatorChanged.MemberSetting> settings,
                                          IndicatorChanged.Dimension... dimensions) {
        return new IndicatorDefinition("N", "G1", IndicatorKind.KPI, "指標", "％", null, null,
            target == null ? null : new BigDecimal(target), null, target == null ? null : 2024, Map.of(), Direction.HIGHER_IS_BETTER,
            Method.RATIO, new IndicatorChanged.Breakdown(List.of(dimensions), whole, aggregation, condition,
                threshold == null ? null : new BigDecimal(threshold), decimals, settings), null);
    }

    static IndicatorChanged.MemberSetting setting(String member, String target, String weight) {
        return new IndicatorChanged.MemberSetting(Map.of("area", member), target == null ? null : new BigDecimal(target),
            weight == null ? null : new BigDecimal(weight));
    }

    /** Figures by cell: "m1" → value; null values stand for a figure being tallied. */
    static Map<String, Actual> figures(String... memberValuePairs) {
        Map<String, Actual> figures = new HashMap<>();
        for (int i = 0; i < memberValuePairs.length; i += 2) {
            String value = memberValuePairs[i + 1];
            figures.put(MemberKeys.key(Map.of("area", memberValuePairs[i])), new Actual(i + 1, 2024, 1,
                value == null ? null : new BigDecimal(value), null, value == null ? MeasurementStatus.BEING_TALLIED : MeasurementStatus.FINAL,
                Instant.EPOCH.plusSeconds(i), null, null, null));
        }
        return figures;
    }
}
