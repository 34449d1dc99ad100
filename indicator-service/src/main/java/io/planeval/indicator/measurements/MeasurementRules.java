package io.planeval.indicator.measurements;

import java.util.List;
import java.util.Set;

import io.planeval.contracts.Vocabulary;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.indicator.indicators.Breakdowns;
import io.planeval.indicator.indicators.DecimalValues;
import io.planeval.indicator.indicators.Indicator;
import io.planeval.indicator.plans.KnownPlan;
import io.planeval.support.fiscal.FiscalYears;
import io.planeval.support.problem.Violation;
import io.planeval.support.text.Text;

/**
 * What makes a measurement acceptable for its indicator and plan, in plain Java. A measurement is for a whole fiscal
 * year, or for a quarter or month of it; only whole-year figures decide the year's status (sub-year ones are kept and
 * listed, for progress during the year).
 */
public final class MeasurementRules {

    static final int MAX_TEXT = 2000;

    private MeasurementRules() {
    }

    /**
     * Adds every violation of one measurement; {@code at} prefixes its fields (e.g. {@code [3].}). A year the plan has
     * locked takes only corrections.
     */
    public static void check(String at, MeasurementInput m, Indicator indicator, KnownPlan plan, Set<Integer> lockedYears,
                             List<Violation> violations) {
        if (m.fiscalYear() == null) {
            violations.add(new Violation(at + "fiscalYear", "is required, e.g. 2024 for 令和6年度"));
        } else if (!plan.covers(m.fiscalYear())) {
            violations.add(new Violation(at + "fiscalYear", m.fiscalYear() + " is outside plan " + plan.code + " ("
                + plan.firstFiscalYear + "–" + plan.lastFiscalYear + ")"));
        }
        if (m.quarter() != null && (m.quarter() < 1 || m.quarter() > 4)) {
            violations.add(new Violation(at + "quarter", m.quarter() + " is not a quarter (1-4)"));
        }
        if (m.month() != null && (m.month() < 1 || m.month() > 12)) {
            violations.add(new Violation(at + "month", m.month() + " is not a month (1-12)"));
        }
        if (m.quarter() != null && m.month() != null) {
            violations.add(new Violation(at + "month", "give a quarter or a month, not both"));
        }
        if (m.status() == null) {
            violations.add(new Violation(at + "status", "is required: one of " + String.join(", ", Vocabulary.words(MeasurementStatus.class))));
        }
        boolean tallying = m.status() == MeasurementStatus.BEING_TALLIED;
        if (indicator.isQualitative()) {
            checkQualitative(at, m, indicator, tallying, violations);
        } else {
            checkNumeric(at, m, indicator, tallying, violations);
        }
        if (m.expectedDate() != null && !tallying) {
            violations.add(new Violation(at + "expectedDate", "only a being_tallied measurement has an expected date"));
        }
        if (m.fiscalYear() != null && lockedYears.contains(m.fiscalYear()) && m.correctionReason() == null) {
            violations.add(new Violation(at + "correctionReason", FiscalYears.label(m.fiscalYear()) + " (" + m.fiscalYear()
                + ") of plan " + plan.code + " is locked: a measurement for it is taken only as a correction, with "
                + "correctionReason saying why"));
        }
        if (m.correctionReason() != null && m.correctionReason().isBlank()) {
            violations.add(new Violation(at + "correctionReason", "must say why the figure is corrected, not be blank"));
        }
        Breakdowns.checkMeasurement(at, m.members(), indicator, violations);
        if (indicator.formula != null) {
            violations.add(new Violation(at + "indicatorCode", indicator.code + "'s figure is computed (" + indicator.formula.expression()
                + "): post the figures it is computed from"));
        }
        text(at + "sourceSystem", m.sourceSystem(), violations);
        text(at + "note", m.note(), violations);
        text(at + "correctionReason", m.correctionReason(), violations);
    }

    private static void checkNumeric(String at, MeasurementInput m, Indicator indicator, boolean tallying, List<Violation> violations) {
        if (m.outcome() != null) {
            violations.add(new Violation(at + "outcome", indicator.code + " is numeric: give a value, not an outcome"));
        }
        if (tallying && m.value() != null) {
            violations.add(new Violation(at + "value", "a being_tallied measurement has no value yet"));
        } else if (!tallying && m.value() == null && m.status() != null) {
            violations.add(new Violation(at + "value", "is required for a " + m.status() + " measurement of " + indicator.code));
        }
        DecimalValues.check(violations, at + "value", m.value());
        if (indicator.method.isProportion() && m.value() != null && m.value().signum() < 0) {
            violations.add(new Violation(at + "value", indicator.code + " is measured by " + indicator.method
                + ", a proportion: its actuals are 0 or more, not " + Text.excerpt(m.value().toString())));
        }
    }

    private static void checkQualitative(String at, MeasurementInput m, Indicator indicator, boolean tallying, List<Violation> violations) {
        if (m.value() != null) {
            violations.add(new Violation(at + "value", indicator.code + " is qualitative: give an outcome (achieved or not_achieved), not a value"));
        }
        if (tallying && m.outcome() != null) {
            violations.add(new Violation(at + "outcome", "a being_tallied measurement has no outcome yet"));
        } else if (!tallying && m.outcome() == null && m.status() != null) {
            violations.add(new Violation(at + "outcome", "is required for a " + m.status() + " measurement of " + indicator.code));
        }
    }

    private static void text(String field, String value, List<Violation> violations) {
        if (value != null && value.length() > MAX_TEXT) {
            violations.add(new Violation(field, "is longer than " + MAX_TEXT + " characters"));
        }
    }
}
