package io.planeval.evaluation.attainment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.planeval.support.formula.Formula;

/**
 * Computed indicators' figures for a year, in plain Java: each formula over its inputs' figures in force (themselves
 * reported, derived from members, or computed first), exact decimals rounded once to the formula's places.
 */
public final class ComputedFigures {

    static final int DEFAULT_PLACES = 6;

    private ComputedFigures() {
    }

    /**
     * Adds to {@code figures} the figure of every computed indicator among {@code definitions}, its inputs' first. An
     * input without a figure, or being tallied, leaves the computed one being tallied; none of its inputs with a figure,
     * it has none. Indicator-service refuses cycles; one that reached here anyway computes nothing.
     */
    public static void compute(Map<String, IndicatorDefinition> definitions, Map<String, Actual> figures, int fiscalYear) {
        Set<String> done = new HashSet<>();
        for (IndicatorDefinition def : definitions.values()) {
            compute(def, definitions, figures, fiscalYear, done, new HashSet<>());
        }
    }

    private static void compute(IndicatorDefinition def, Map<String, IndicatorDefinition> definitions, Map<String, Actual> figures,
                                int fiscalYear, Set<String> done, Set<String> visiting) {
        if (def.formula() == null || done.contains(def.code()) || !visiting.add(def.code())) {
            return;
        }
        Formula formula = Formula.parse(def.formula().expression());
        for (String input : formula.inputs()) {
            IndicatorDefinition inputDef = definitions.get(input);
            if (inputDef != null) {
                compute(inputDef, definitions, figures, fiscalYear, done, visiting);
            }
        }
        done.add(def.code());
        Actual figure = figure(def, formula, figures, fiscalYear);
        if (figure == null) {
            figures.remove(def.code());
        } else {
            figures.put(def.code(), figure);
        }
    }

    private static Actual figure(IndicatorDefinition def, Formula formula, Map<String, Actual> figures, int fiscalYear) {
        List<Computation.Input> inputs = new ArrayList<>();
        Map<String, BigDecimal> values = new HashMap<>();
        List<String> waiting = new ArrayList<>();
        for (String code : formula.inputs()) {
            Actual a = figures.get(code);
            boolean counted = a != null && a.hasValue();
            inputs.add(new Computation.Input(code, counted ? a.value() : null, a == null ? null : a.status(),
                a == null ? null : a.revision(), a == null ? null : a.measurementId()));
            if (counted) {
                values.put(code, a.value());
            } else {
                waiting.add(code);
            }
        }
        List<Actual> present = formula.inputs().stream().map(figures::get).filter(Objects::nonNull).toList();
        if (!waiting.isEmpty()) {
            String working = formula.write(values) + ": waiting for " + String.join(", ", waiting);
            return Actual.madeFrom(present, fiscalYear, null, null, new Computation(formula.expression(), working, inputs));
        }
        Formula.Result result = formula.evaluate(values, def.formula().decimals() == null ? DEFAULT_PLACES : def.formula().decimals());
        return Actual.madeFrom(present, fiscalYear, result.value(), null, new Computation(formula.expression(), result.working(), inputs));
    }
}
