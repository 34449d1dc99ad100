package io.planeval.evaluation.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The working days of a Japanese public administration: Monday to Friday, except the national holidays (the Cabinet
 * Office's list, {@code calendar/syukujitsu.csv}, with its substitute holidays 振替休日 and 国民の休日) and the
 * government's year-end closure, 29 December to 3 January. Days beyond the list are not guessed: asking about a year
 * it does not cover is an error, named.
 */
public final class WorkingDays {

    private static final MonthDay CLOSURE_START = MonthDay.of(12, 29);
    private static final MonthDay CLOSURE_END = MonthDay.of(1, 3);
    private static final DateTimeFormatter LISTED = DateTimeFormatter.ofPattern("uuuu/M/d");

    private static final WorkingDays JAPAN = load();

    private final TreeMap<LocalDate, String> holidays;

    private WorkingDays(TreeMap<LocalDate, String> holidays) {
        this.holidays = holidays;
    }

    /** Japan's, from the Cabinet Office's list kept with the service. */
    public static WorkingDays japan() {
        return JAPAN;
    }

    /** The first and last year the holiday list covers. */
    public int firstYear() {
        return holidays.firstKey().getYear();
    }

    public int lastYear() {
        return holidays.lastKey().getYear();
    }

    /** Whether the list covers the day's year. */
    public boolean covers(LocalDate day) {
        return day.getYear() >= firstYear() && day.getYear() <= lastYear();
    }

    /** The national holiday on the day, by its name, if it is one. */
    public Optional<String> holiday(LocalDate day) {
        return Optional.ofNullable(holidays.get(covered(day)));
    }

    /** Whether the offices are open on the day. */
    public boolean isWorkingDay(LocalDate day) {
        covered(day);
        DayOfWeek weekday = day.getDayOfWeek();
        MonthDay monthDay = MonthDay.from(day);
        boolean closure = !monthDay.isBefore(CLOSURE_START) || !monthDay.isAfter(CLOSURE_END);
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !closure && !holidays.containsKey(day);
    }

    /** The day {@code n} working days after {@code from} (before it where n is negative); {@code from} itself where n is 0. */
    public LocalDate plus(LocalDate from, int n) {
        LocalDate day = from;
        int step = n < 0 ? -1 : 1;
        for (int left = Math.abs(n); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The working days after {@code from} up to and including {@code to}; negative, counted back, where {@code to} is earlier. */
    public int between(LocalDate from, LocalDate to) {
        int sign = to.isBefore(from) ? -1 : 1;
        LocalDate low = sign > 0 ? from : to;
        LocalDate high = sign > 0 ? to : from;
        int count = 0;
        for (LocalDate day = low.plusDays(1); !day.isAfter(high); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return sign * count;
    }

    private LocalDate covered(LocalDate day) {
        if (!covers(day)) {
            throw new IllegalArgumentException("Japan's national holidays of " + day.getYear() + " are not in the Cabinet Office's list "
                + "kept with the service (" + firstYear() + "–" + lastYear() + "): update calendar/syukujitsu.csv");
        }
        return day;
    }

    private static WorkingDays load() {
        CsvSchema header = CsvSchema.builder().addColumn("date").addColumn("name").setSkipFirstDataRow(true).build();
        TreeMap<LocalDate, String> holidays = new TreeMap<>();
        try (InputStream in = WorkingDays.class.getResourceAsStream("/calendar/syukujitsu.csv");
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(header).readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                holidays.put(LocalDate.parse(row.get("date").strip(), LISTED), row.get("name").strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Japan's holidays (calendar/syukujitsu.csv)", e);
        }
        return new WorkingDays(holidays);
    }
}
