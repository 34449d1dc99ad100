package io.planeval.e2e;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/** A closed-loop load: N clients each repeating one request for a while; latencies and the generator's CPU. */
final class Load {

    /** What one round measured. */
    record Round(int clients, long requests, long errors, double seconds, double perSecond, double p50Millis,
                 double p99Millis, double generatorCpuPercent) {
    }

    private Load() {
    }

    /** Runs {@code request} (returning the HTTP status) from {@code clients} threads for {@code seconds}. */
    static Round run(int clients, double seconds, IntSupplier request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Future<long[]>> results = new ArrayList<>();
        long[] errors = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    int status = request.getAsInt();
                    long took = System.nanoTime() - t;
                    if (status < 200 || status >= 300) {
                        errors[client]++;
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Round(clients, merged.length, Arrays.stream(errors).sum(), elapsed, merged.length / elapsed,
            percentile(merged, 0.50), percentile(merged, 0.99),
            100.0 * cpu / (elapsed * 1e9 * Runtime.getRuntime().availableProcessors()));
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Median of the rounds' values, and their spread (max − min). */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double spread(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0)
            - values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }
}
