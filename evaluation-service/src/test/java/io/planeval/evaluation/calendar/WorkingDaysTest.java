package io.planeval.evaluation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.planeval.support.time.Moments;

/** Working-day arithmetic against dates counted by hand on a calendar. */
class WorkingDaysTest {

    private static final WorkingDays JAPAN = WorkingDays.japan();

    @Test
    void aSubstituteHolidayIsNoWorkingDay() {
        // 2024-09-22 秋分の日 fell on a Sunday: Monday the 23rd was its 振替休日.
        assertThat(JAPAN.holiday(LocalDate.of(2024, 9, 23))).contains("休日");
        assertThat(JAPAN.plus(LocalDate.of(2024, 9, 20), 1)).isEqualTo(LocalDate.of(2024, 9, 24));
        // Golden Week 2025: 4/29 (Tue), 5/3–5/5 (Sat–Mon), 5/6 (Tue) the substitute for 5/4.
        assertThat(JAPAN.plus(LocalDate.of(2025, 5, 2), 1)).isEqualTo(LocalDate.of(2025, 5, 7));
        assertThat(JAPAN.plus(LocalDate.of(2025, 4, 28), 1)).isEqualTo(LocalDate.of(2025, 4, 30));
        // 2026-09-22 lies between two holidays: 国民の休日.
        assertThat(JAPAN.plus(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 24));
    }

    @Test
    void theYearEndClosureRunsFromTheTwentyNinthToTheThird() {
        assertThat(JAPAN.isWorkingDay(LocalDate.of(2025, 12, 26))).isTrue();
        assertThat(JAPAN.isWorkingDay(LocalDate.of(2025, 12, 29))).as("a Monday in the closure").isFalse();
        assertThat(JAPAN.isWorkingDay(LocalDate.of(2024, 1, 2))).as("a Tuesday in the closure").isFalse();
        assertThat(JAPAN.plus(LocalDate.of(2024, 12, 27), 1)).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(JAPAN.plus(LocalDate.of(2025, 1, 6), -1)).isEqualTo(LocalDate.of(2024, 12, 27));
    }

    @Test
    void daysAreCountedBothWays() {
        // 30 June 2025 (Mon) less ten working days: 27, 26, 25, 24, 23, 20, 19, 18, 17, 16 June.
        assertThat(JAPAN.plus(LocalDate.of(2025, 6, 30), -10)).isEqualTo(LocalDate.of(2025, 6, 16));
        assertThat(JAPAN.plus(LocalDate.of(2025, 6, 30), 0)).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(JAPAN.between(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 2))).isEqualTo(2);
        assertThat(JAPAN.between(LocalDate.of(2025, 7, 2), LocalDate.of(2025, 6, 30))).isEqualTo(-2);
        assertThat(JAPAN.between(LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 7))).as("over Golden Week").isEqualTo(1);
    }

    @Test
    void aYearBeyondTheListIsNamedNotGuessed() {
        assertThatThrownBy(() -> JAPAN.plus(LocalDate.of(JAPAN.lastYear(), 12, 28), 3))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Integer.toString(JAPAN.lastYear() + 1))
            .hasMessageContaining("syukujitsu.csv");
    }

    @Test
    void theListCoversTheSamplePlansSeasonsAndEveryYearUnderWayToday() {
        // Gunma's R2–R6 plan: fiscal years 2020–2024, the last reported in 2025.
        assertThat(JAPAN.firstYear()).isLessThanOrEqualTo(2020);
        // The fiscal year under way today is reported in the calendar year after its end: the Cabinet Office
        // publishes each year's holidays the February before, so this fails only when the list was not updated.
        int underWay = LocalDate.now(Moments.JAPAN).minusMonths(3).getYear();
        assertThat(JAPAN.lastYear()).as("replace calendar/syukujitsu.csv with the Cabinet Office's newest list").isGreaterThanOrEqualTo(underWay + 1);
    }
}
