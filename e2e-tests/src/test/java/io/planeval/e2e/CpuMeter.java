package io.planeval.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time each part of the stack spent between two samples, read from /proc (user and system time of a process and
 * its descendants; PostgreSQL as every process named postgres): a round's cost per operation, which a noisy machine
 * does not move as it moves rates.
 */
final class CpuMeter {

    /** PostgreSQL's processes: the postmaster, its background workers and every connection's backend. */
    static final String POSTGRES = "PostgreSQL";

    /** Clock ticks per second in /proc's times (USER_HZ, 100 on Linux). */
    private static final long TICKS = ticksPerSecond();

    private final Map<String, Supplier<List<ProcessHandle>>> parts = new LinkedHashMap<>();

    /** A part of the stack: its processes as they are when sampled (a restarted service has another). */
    CpuMeter part(String name, Supplier<ProcessHandle> process) {
        parts.put(name, () -> List.of(process.get()));
        return this;
    }

    /** CPU milliseconds by part, PostgreSQL's last. */
    Map<String, Double> sample() {
        Map<String, Double> millis = new LinkedHashMap<>();
        parts.forEach((name, processes) -> millis.put(name, processes.get().stream()
            .flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).mapToDouble(p -> millis(p.pid())).sum()));
        millis.put(POSTGRES, postgres());
        return millis;
    }

    /**
     * CPU milliseconds the parts' JIT compiler threads have spent: while they work, a round measures the JVM warming
     * up rather than the steady cost of an operation.
     */
    double compilingMillis() {
        return parts.values().stream().flatMap(processes -> processes.get().stream())
            .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
            .mapToDouble(p -> threads(p.pid(), name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")))
            .sum();
    }

    /** The CPU milliseconds of a process's threads whose name matches. */
    private static double threads(long pid, Predicate<String> named) {
        double sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                if (named.test(comm(task))) {
                    sum += millis(task);
                }
            }
        } catch (IOException gone) {
            return 0;
        }
        return sum;
    }

    /** What each part spent per operation between two samples, in milliseconds. */
    static Map<String, Double> perOperation(Map<String, Double> before, Map<String, Double> after, long operations) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((name, ms) -> per.put(name, (ms - before.getOrDefault(name, 0.0)) / Math.max(1, operations)));
        return per;
    }

    /** The median of each part over rounds. */
    static Map<String, Double> median(List<Map<String, Double>> rounds) {
        Map<String, Double> median = new LinkedHashMap<>();
        rounds.get(0).keySet().forEach(name -> median.put(name, Load.median(rounds.stream().map(r -> r.get(name)).toList())));
        return median;
    }

    static double total(Map<String, Double> costs) {
        return costs.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** "12.4 ms (indicator-service 6.0, …)": the total and each part that spent at least 0.05 ms. */
    static String describe(Map<String, Double> costs, String unit) {
        return String.format(Locale.ROOT, "**%.2f %s** (%s)", total(costs), unit, costs.entrySet().stream()
            .filter(e -> e.getValue() >= 0.005)
            .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ")));
    }

    private static double postgres() {
        double sum = 0;
        try (Stream<Path> pids = Files.list(Path.of("/proc"))) {
            for (Path pid : pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                if ("postgres".equals(comm(pid))) {
                    sum += millis(Long.parseLong(pid.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("/proc cannot be read", e);
        }
        return sum;
    }

    private static String comm(Path pid) {
        try {
            return Files.readString(pid.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** utime + stime of one process in milliseconds (0 for one that has ended). */
    static double millis(long pid) {
        return millis(Path.of("/proc", Long.toString(pid)));
    }

    /** utime + stime of a process or thread directory in /proc, in milliseconds (0 for one that has ended). */
    private static double millis(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // After the command in parentheses: state is field 3, utime field 14, stime field 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / TICKS;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long ticksPerSecond() {
        Processes.Run run = Processes.run(List.of("getconf", "CLK_TCK"), Path.of("."));
        return run.exitCode() == 0 ? Long.parseLong(run.output().strip()) : 100;
    }
}
