package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The benchmark of issues 7 and 16, against the real stack on this machine, with a peer on the same stack and the
 * machine's own limit beside it (pgbench's single-row committed inserts). Not part of the test suite: deploy/local/benchmark.sh runs it and
 * it writes BENCHMARKS.md. Every figure is the median of the rounds, with the spread (max − min) beside it.
 */
@Tag("benchmark")
class PlanevalBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final double ROUND_SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    static final int FRESHNESS_SECONDS = Integer.getInteger("bench.freshness.seconds", 60);
    /** The JIT needs tens of seconds of a load before its code is steady on two cores; a few seconds measure start-up. */
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 30);
    /** The longest a warm-up runs while the JIT compilers are still busy. */
    static final int WARMUP_MAX_SECONDS = Integer.getInteger("bench.warmup.max-seconds", 240);
    static final int WARMUP_STEP_SECONDS = 10;
    /** The share of the stack's CPU below which the JIT compilers count as settled (it is about 2% when they are). */
    static final double SETTLED_JIT_SHARE = 0.05;
    static final int BULK_WARMUP_REQUESTS = 3;
    static final int FRESHNESS_RATE = 500;
    /** The second freshness line: where it bends. */
    static final int FRESHNESS_HIGH_RATE = 2_000;
    static final int STREAMS = Integer.getInteger("bench.streams", 1_000);
    /** Idle time before memory is read again at rest: several rounds of the native heap trimmer (deploy/jvm.options). */
    static final int REST_SECONDS = 40;
    static final String POST_PLAN = "bench-post";
    static final String READ_PLAN = "bench-read";
    static final int POST_INDICATORS = 200;
    static final String PGBENCH_DATABASE = "planeval_pgbench";
    /** What to measure (bench.sections, e.g. single,freshness): all of it by default; memory always. */
    static final Set<String> SECTIONS = Set.of(System.getProperty("bench.sections", "all").split(","));
    /** Each service records a JFR profile of the whole run into the logs' jfr directory (bench.profile=true). */
    static final boolean PROFILE = Boolean.getBoolean("bench.profile");

    final List<String> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    RunningSystem system;
    /** planeval's parts: the three services, the broker, Keycloak and PostgreSQL. */
    CpuMeter meter;

    @Test
    void measure() throws Exception {
        // The services' capacity is measured, not the per-client write limit that protects them.
        // Native memory tracking shows, at the end, where each service's resident memory goes.
        String profile = "";
        if (PROFILE) {
            Files.createDirectories(Processes.LOGS.resolve("jfr"));
            profile = " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + Processes.LOGS.resolve("jfr") + "/";
        }
        system = RunningSystem.start("planeval_bench", Map.of("PLANEVAL_WRITE_LIMIT_PER_MINUTE", "0",
            "JDK_JAVA_OPTIONS", "-XX:NativeMemoryTracking=summary" + profile));
        RunningSystem.database(PGBENCH_DATABASE);
        meter = new CpuMeter().part("indicator-service", system.indicators::handle).part("evaluation-service", system.evaluation::handle)
            .part("plan-service", system.plans::handle).part("Kafka", system.broker::handle).part("Keycloak", system.keycloak::handle);
        try {
            definePlan(POST_PLAN, 1, 1, 1);
            defineIndicators(POST_PLAN, POST_INDICATORS, "G1-1-1");
            section("single", this::singlePosts);
            section("bulk", this::bulk);
            section("freshness", this::freshness);
            section("reads", () -> {
                reads();
                dashboardReads();
            });
            section("streams", this::streams);
            section("pack", this::packs);
            section("costs", this::costsWithSize);
            section("rebuild", this::rebuild);
            footprint();
        } finally {
            system.stop();
            write();
        }
    }

    interface Section {
        void run() throws Exception;
    }

    static void section(String name, Section section) throws Exception {
        if (SECTIONS.contains("all") || SECTIONS.contains(name)) {
            section.run();
        }
    }

    // --- 1. single POST against pgbench ---------------------------------------------------------------------------

    /**
     * Single posts to planeval (stored, published and evaluated) and, in the same sitting, to the peer (one INSERT
     * behind the same stack), rounds taken in turn; pgbench beside them.
     */
    void singlePosts() throws Exception {
        ServiceProcess peer = system.startPeer("planeval_bench_peer");
        CpuMeter peerMeter = new CpuMeter().part("peer", peer::handle);
        try {
            for (int clients : new int[] {1, 8}) {
                int warmed = warmUp(clients, meter, this::postOne);
                int peerWarmed = warmUp(clients, peerMeter, () -> postOne(peer.url()));
                List<Double> rates = new ArrayList<>();
                List<Double> p50 = new ArrayList<>();
                List<Double> p99 = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                List<Double> peerRates = new ArrayList<>();
                List<Double> peerP99 = new ArrayList<>();
                List<Map<String, Double>> costs = new ArrayList<>();
                List<Map<String, Double>> peerCosts = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    Map<String, Double> before = meter.sample();
                    Load.Round round = Load.run(clients, ROUND_SECONDS, this::postOne);
                    // Evaluating what was posted is part of a post's cost.
                    caughtUpSeconds();
                    costs.add(CpuMeter.perOperation(before, meter.sample(), round.requests() - round.errors()));
                    rates.add(round.perSecond());
                    p50.add(round.p50Millis());
                    p99.add(round.p99Millis());
                    cpu.add(round.generatorCpuPercent());
                    Map<String, Double> peerBefore = peerMeter.sample();
                    Load.Round peerRound = Load.run(clients, ROUND_SECONDS, () -> postOne(peer.url()));
                    peerCosts.add(CpuMeter.perOperation(peerBefore, peerMeter.sample(), peerRound.requests() - peerRound.errors()));
                    peerRates.add(peerRound.perSecond());
                    peerP99.add(peerRound.p99Millis());
                }
                List<Double> pg = new ArrayList<>();
                for (int r = 0; r < ROUNDS; r++) {
                    pg.add(pgbench(clients));
                }
                double toPeer = Load.median(rates) / Load.median(peerRates);
                Map<String, Double> cost = CpuMeter.median(costs);
                Map<String, Double> peerCost = CpuMeter.median(peerCosts);
                double costToPeer = CpuMeter.total(cost) / CpuMeter.total(peerCost);
                row("Single POST, " + clients + " client" + (clients > 1 ? "s" : ""), "req/s",
                    rates, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms; peer %.0f req/s (±%.0f, p99 %.1f ms): "
                            + "**%.2f× the peer**; CPU a post %s, the peer's %s: **%.1f× the peer's cost**; pgbench %.0f tx/s (±%.0f): %.0f%%; "
                            + "generator CPU %.0f%%; warmed up %d s (the peer %d s) until the JIT compilers settled",
                        Load.median(p50), Load.median(p99), Load.median(peerRates), Load.spread(peerRates),
                        Load.median(peerP99), toPeer, CpuMeter.describe(cost, "ms"), CpuMeter.describe(peerCost, "ms"), costToPeer,
                        Load.median(pg), Load.spread(pg), 100 * Load.median(rates) / Load.median(pg), Load.median(cpu), warmed, peerWarmed),
                    clients == 8 ? (costToPeer <= 2 ? "met (CPU a post ≤ 2× the peer's)" : "missed (CPU a post ≤ 2× the peer's)") : "—");
            }
        } finally {
            peer.stop();
        }
    }

    /**
     * Runs the load for the warm-up's seconds, then on in steps of 10 s until the parts' JIT compilers spend less than
     * {@link #SETTLED_JIT_SHARE} of the stack's CPU in a step (at most {@link #WARMUP_MAX_SECONDS}): a round then measures
     * an operation's steady cost, not the JVMs still compiling it. Returns the seconds it ran.
     */
    static int warmUp(int clients, CpuMeter meter, IntSupplier request) throws Exception {
        Load.run(clients, WARMUP_SECONDS, request);
        int seconds = WARMUP_SECONDS;
        while (seconds < WARMUP_MAX_SECONDS) {
            double compiling = meter.compilingMillis();
            Map<String, Double> before = meter.sample();
            Load.run(clients, WARMUP_STEP_SECONDS, request);
            seconds += WARMUP_STEP_SECONDS;
            double spent = CpuMeter.total(CpuMeter.perOperation(before, meter.sample(), 1));
            if (meter.compilingMillis() - compiling < SETTLED_JIT_SHARE * spent) {
                break;
            }
        }
        return seconds;
    }

    int postOne() {
        return postOne(system.indicators.url());
    }

    /** A measurement for a random indicator and year of the posting plan, to planeval or to the peer at {@code base}. */
    static int postOne(String base) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Api.post(base + "/api/v1/plans/" + POST_PLAN + "/indicators/K" + random.nextInt(POST_INDICATORS)
            + "/measurements", "{\"fiscalYear\": " + (2020 + random.nextInt(10)) + ", \"value\": " + random.nextInt(100000)
            + ".25, \"status\": \"final\"}").status();
    }

    /** pgbench: committed single-row inserts into a table shaped like ours, at the same client count. */
    double pgbench(int clients) throws Exception {
        Path script = Processes.LOGS.resolve("pgbench-insert.sql");
        Files.createDirectories(Processes.LOGS);
        Files.writeString(script, "\\set i random(1, " + POST_INDICATORS + ")\n"
            + "INSERT INTO bench_measurement (indicator, fiscal_year, value, status, recorded_at) "
            + "VALUES (:i, 2024, 12345.25, 'final', now());\n");
        psql("DROP TABLE IF EXISTS bench_measurement;  CREATE TABLE bench_measurement (id bigserial PRIMARY KEY, "
            + "indicator integer NOT NULL, fiscal_year integer NOT NULL, value numeric(20, 6), status text NOT NULL, "
            + "recorded_at timestamptz NOT NULL)");
        String out = run(List.of("pgbench", "-h", host(), "-p", port(), "-U", user(), "-n", "-c", Integer.toString(clients),
            "-j", Integer.toString(clients), "-T", Long.toString(Math.round(ROUND_SECONDS)), "-f", script.toString(), PGBENCH_DATABASE));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        assertThat(tps.find()).as(out).isTrue();
        return Double.parseDouble(tps.group(1));
    }

    // --- 2. bulk ingest ------------------------------------------------------------------------------------------

    void bulk() {
        for (String format : new String[] {"JSON", "CSV"}) {
            List<Double> rates = new ArrayList<>();
            Map<String, Double> before = null;
            for (int r = 0; r < BULK_WARMUP_REQUESTS + ROUNDS; r++) {
                if (r == BULK_WARMUP_REQUESTS) {
                    caughtUpSeconds();
                    before = meter.sample();
                }
                String body = format.equals("JSON") ? bulkJson(10_000, r) : bulkCsv(10_000, r);
                long t = System.nanoTime();
                Api.Reply reply = Api.send("POST", system.indicators.url() + "/api/v1/measurements",
                    format.equals("JSON") ? "application/json" : "text/csv", body);
                double seconds = (System.nanoTime() - t) / 1e9;
                assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                if (r >= BULK_WARMUP_REQUESTS) {
                    rates.add(10_000 / seconds);
                }
            }
            double caughtUp = caughtUpSeconds();
            Map<String, Double> cost = CpuMeter.perOperation(before, meter.sample(), ROUNDS * 10L);
            double median = Load.median(rates);
            row("Bulk " + format + ", 10,000 rows a request", "measurements/s", rates,
                String.format(Locale.ROOT, "one client; the evaluation caught up %.1f s after the last 201; CPU a thousand measurements %s",
                    caughtUp, CpuMeter.describe(cost, "ms")),
                median >= 50_000 && caughtUp <= 2 ? "met (≥ 50,000/s, caught up ≤ 2 s)" : "missed (≥ 50,000/s, caught up ≤ 2 s)");
        }
    }

    static String bulkJson(int n, int round) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append("{\"planCode\":\"").append(POST_PLAN).append("\",\"indicatorCode\":\"K")
                .append(i % POST_INDICATORS).append("\",\"fiscalYear\":").append(2020 + round % 10).append(",\"value\":")
                .append(i).append(".5,\"status\":\"preliminary\"}");
        }
        return body.append(']').toString();
    }

    static String bulkCsv(int n, int round) {
        StringBuilder body = new StringBuilder("\uFEFFplanCode,indicatorCode,fiscalYear,value,status\r\n");
        for (int i = 0; i < n; i++) {
            body.append(POST_PLAN).append(",K").append(i % POST_INDICATORS).append(',').append(2020 + (round + 5) % 10).append(',')
                .append(i).append(".5,preliminary\r\n");
        }
        return body.toString();
    }

    // --- 3. freshness --------------------------------------------------------------------------------------------

    /**
     * A steady 500 measurements/s, after the same load as a warm-up; where that is more than the stack takes, the same at
     * half of what 8 clients posting as fast as they can reach; then 2,000/s for half as long. Every 25th is followed
     * until the evaluation shows it.
     */
    void freshness() throws Exception {
        awaitCaughtUp();
        steady(FRESHNESS_RATE, WARMUP_SECONDS, 0, false);
        long next = (long) FRESHNESS_RATE * WARMUP_SECONDS;
        freshnessRow(FRESHNESS_RATE, FRESHNESS_SECONDS, next, "");
        next += (long) FRESHNESS_RATE * FRESHNESS_SECONDS;
        awaitCaughtUp();
        Load.Round capacity = Load.run(8, ROUND_SECONDS, this::postOne);
        awaitCaughtUp();
        if (capacity.perSecond() < FRESHNESS_RATE) {
            int half = (int) (capacity.perSecond() / 2);
            freshnessRow(half, FRESHNESS_SECONDS, next, String.format(Locale.ROOT,
                ", half the %.0f/s that 8 clients reached just before", capacity.perSecond()));
            next += (long) half * FRESHNESS_SECONDS;
            awaitCaughtUp();
        }
        freshnessRow(FRESHNESS_HIGH_RATE, FRESHNESS_SECONDS / 2, next, "");
    }

    void freshnessRow(int rate, int seconds, long first, String why) throws Exception {
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        Steady run = steady(rate, seconds, first, true);
        double took = (System.nanoTime() - start) / 1e9;
        long failures = total - run.posted();
        ConcurrentLinkedQueue<long[]> samples = run.samples();
        long[] all = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        long sixth = (long) (seconds * 1e9 / 6);
        long[] first6 = samples.stream().filter(s -> s[0] < sixth).mapToLong(s -> s[1]).sorted().toArray();
        long[] last6 = samples.stream().filter(s -> s[0] > seconds * 1e9 - sixth).mapToLong(s -> s[1]).sorted().toArray();
        double p50 = Load.percentile(all, 0.5);
        double p99 = Load.percentile(all, 0.99);
        rows.add(String.format(Locale.ROOT, "| Freshness, 201 → evaluation, %d/s%s for %d s | p50 **%.1f ms**, p99 **%.1f ms** | %d samples; "
                + "posted %.0f/s, %d failed; p50 first %d s %.1f ms, last %d s %.1f ms | %s |",
            rate, why, seconds, p50, p99, all.length, run.posted() / took, failures, seconds / 6,
            Load.percentile(first6, 0.5), seconds / 6, Load.percentile(last6, 0.5),
            rate == FRESHNESS_HIGH_RATE ? "— (where it bends)"
                : p50 <= 20 && p99 <= 100 ? "met (p50 ≤ 20 ms, p99 ≤ 100 ms)" : "missed (p50 ≤ 20 ms, p99 ≤ 100 ms)"));
    }

    /** What a steady load posted, and the (start offset, nanoseconds to evaluation) of the measurements followed. */
    record Steady(ConcurrentLinkedQueue<long[]> samples, long posted) {
    }

    /**
     * Posts {@code rate} measurements a second for {@code seconds}, numbered from {@code first}; when
     * {@code sample}, every 25th is followed until the evaluation shows it.
     */
    Steady steady(int rate, int seconds, long first, boolean sample) throws InterruptedException {
        AtomicLong posted = new AtomicLong();
        ExecutorService posters = Executors.newFixedThreadPool(Math.max(16, rate / 25));
        ExecutorService probes = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long n = first + i;
            posters.submit(() -> {
                String code = "K" + (n % POST_INDICATORS);
                int year = 2020 + (int) (n / POST_INDICATORS % 10);
                Api.Reply reply = Api.post(system.indicators.url() + "/api/v1/plans/" + POST_PLAN + "/indicators/" + code
                    + "/measurements", "{\"fiscalYear\": " + year + ", \"value\": " + n + ", \"status\": \"final\"}");
                long created = System.nanoTime();
                if (reply.status() != 201) {
                    return;
                }
                posted.incrementAndGet();
                if (sample && n % 25 == 0) {
                    long id = reply.json().get("id").asLong();
                    probes.submit(() -> samples.add(new long[] {created - start, follow(code, year, id, created)}));
                }
            });
        }
        posters.shutdown();
        posters.awaitTermination(2, TimeUnit.MINUTES);
        probes.shutdown();
        probes.awaitTermination(2, TimeUnit.MINUTES);
        return new Steady(samples, posted.get());
    }

    /** Starts from a caught-up evaluation: the bulk rounds before leave a backlog of events behind them. */
    void awaitCaughtUp() {
        notes.add(String.format(Locale.ROOT, "Before a freshness run, evaluation-service took %.0f s to apply the backlog "
            + "left by the load before it.", caughtUpSeconds()));
    }

    /**
     * How long until the evaluation has applied everything posted so far: a marker posted now is relayed and applied
     * after the events before it (one plan, one partition, in order).
     */
    double caughtUpSeconds() {
        long started = System.nanoTime();
        Api.Reply reply = Api.post(system.indicators.url() + "/api/v1/plans/" + POST_PLAN + "/indicators/K0/measurements",
            "{\"fiscalYear\": 2029, \"value\": 1, \"status\": \"final\"}");
        long id = reply.json().get("id").asLong();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> Api.get(system.evaluation.url()
            + "/api/v1/plans/" + POST_PLAN + "/evaluation/indicators/K0?fiscalYear=2029").json()
            .at("/working/actual/measurementId").asLong() >= id);
        return (System.nanoTime() - started) / 1e9;
    }

    /** Nanoseconds from the 201 until the evaluation uses this measurement (or a later one) for its indicator. */
    long follow(String code, int year, long id, long created) {
        return follow(POST_PLAN, code, year, id, created);
    }

    long follow(String plan, String code, int year, long id, long created) {
        String url = system.evaluation.url() + "/api/v1/plans/" + plan + "/evaluation/indicators/" + code + "?fiscalYear=" + year;
        long deadline = created + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Reply reply = Api.get(url);
            if (reply.status() == 200 && reply.json().at("/working/actual/measurementId").asLong() >= id) {
                return System.nanoTime() - created;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return 30_000_000_000L;
    }

    // --- 4. reads of a large plan --------------------------------------------------------------------------------

    void reads() throws Exception {
        readPlan();
        String url = system.evaluation.url() + "/api/v1/plans/" + READ_PLAN + "/evaluation?fiscalYear=2029";
        Load.run(8, WARMUP_SECONDS, () -> Api.get(url).status());
        List<Double> rates = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            Load.Round round = Load.run(8, ROUND_SECONDS, () -> Api.get(url).status());
            rates.add(round.perSecond());
            p50.add(round.p50Millis());
            p99.add(round.p99Millis());
        }
        row("Read plan report, 5,000 indicators, 8 clients", "req/s", rates,
            String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (spread %.1f ms)", Load.median(p50), Load.median(p99), Load.spread(p99)),
            Load.median(p99) <= 20 ? "met (p99 ≤ 20 ms)" : "missed (p99 ≤ 20 ms)");
    }

    private boolean readPlanDefined;

    /** The 5,000-indicator plan with ten years of figures, evaluated, that the reads and the pack are measured on (once). */
    void readPlan() throws Exception {
        if (readPlanDefined) {
            return;
        }
        long setup = System.nanoTime();
        definePlan(READ_PLAN, 5, 10, 10);
        List<String> items = new ArrayList<>();
        for (int g = 1; g <= 5; g++) {
            for (int p = 1; p <= 10; p++) {
                for (int i = 1; i <= 10; i++) {
                    items.add("G" + g + "-" + p + "-" + i);
                }
            }
        }
        // One in a hundred is a KGI of a goal (ten a goal), the others KPIs of the items, ten an item.
        defineIndicatorsConcurrently(READ_PLAN, 5_000, "R", n -> n % 100 == 0 ? "G" + (n / 1_000 + 1) : items.get(n / 10));
        for (int year = 2020; year <= 2029; year++) {
            StringBuilder body = new StringBuilder("[");
            for (int n = 0; n < 5_000; n++) {
                body.append(n == 0 ? "" : ",").append("{\"planCode\":\"").append(READ_PLAN).append("\",\"indicatorCode\":\"R").append(n)
                    .append("\",\"fiscalYear\":").append(year).append(",\"value\":").append(50 + n % 100).append(",\"status\":\"final\"}");
            }
            Api.Reply reply = Api.send("POST", system.indicators.url() + "/api/v1/measurements", "application/json", body.append(']').toString());
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        }
        String report = system.evaluation.url() + "/api/v1/plans/" + READ_PLAN + "/evaluation?fiscalYear=2029";
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Api.Reply reply = Api.get(report);
            return reply.status() == 200 && reply.json().at("/totals/kpis/total").asInt() == 4_950
                && reply.json().at("/totals/kpis/beingTallied").asInt() == 0;
        });
        notes.add(String.format(Locale.ROOT, "Read set-up (5 goals, 50 policies, 500 items, 5,000 indicators, 50,000 measurements "
            + "through the public APIs, evaluated): %.0f s.", (System.nanoTime() - setup) / 1e9));
        readPlanDefined = true;
    }

    // --- 5. the committee's pack of a large plan -----------------------------------------------------------------

    /**
     * The pack of the 5,000-indicator plan in each format, one request at a time: how long it takes, the service's CPU
     * for it (a pack is generated on one worker thread) and its size; then four requests at once, which the service
     * takes two at a time (its bulkhead) and refuses beyond with 503 and Retry-After.
     */
    void packs() throws Exception {
        readPlan();
        // As of a moment, so that each request makes its pack (the pack of now is kept until the plan changes).
        String pack = system.evaluation.url() + "/api/v1/plans/" + READ_PLAN + "/evaluation/pack?fiscalYear=2029&asOf="
            + java.time.Instant.now() + "&format=";
        int times = Math.max(3, ROUNDS * 2);
        for (String format : List.of("pdf", "pptx", "xlsx")) {
            Api.getBytes(pack + format);
            List<Double> millis = new ArrayList<>();
            long cpu = system.evaluation.cpuNanos();
            long bytes = 0;
            for (int n = 0; n < times; n++) {
                long start = System.nanoTime();
                bytes = Api.getBytes(pack + format).length;
                millis.add((System.nanoTime() - start) / 1e6);
            }
            double cpuPerPack = (system.evaluation.cpuNanos() - cpu) / 1e6 / times;
            double p50 = Load.median(millis);
            double max = millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            rows.add(String.format(Locale.ROOT, "| Committee pack of the 5,000-indicator plan, %s, 1 client | p50 **%.0f ms**, max %.0f ms | "
                    + "%d requests; service CPU %.0f ms a pack; %,d KiB | %s |", format.toUpperCase(Locale.ROOT), p50, max, times, cpuPerPack,
                bytes / 1024, max <= 10_000 ? "met (≤ 10 s, in the service's 256 MiB heap)" : "missed (≤ 10 s, in the service's 256 MiB heap)"));
        }
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                replies.add(clients.submit(() -> Api.get(pack + "pdf")));
            }
            int served = 0;
            int refused = 0;
            for (Future<Api.Reply> reply : replies) {
                Api.Reply answer = reply.get(2, TimeUnit.MINUTES);
                if (answer.status() == 200) {
                    served++;
                } else {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                    assertThat(answer.header("Retry-After")).isNotNull();
                    refused++;
                }
            }
            notes.add(String.format(Locale.ROOT, "Four requests for the PDF pack at once: %d served, %d refused with 503 and Retry-After "
                + "(a pack is generated two at a time).", served, refused));
        } finally {
            clients.shutdownNow();
        }
    }

    // --- 6. what dashboards ask: revalidations and open streams ------------------------------------------------

    void dashboardReads() throws Exception {
        String url = system.evaluation.url() + "/api/v1/plans/" + READ_PLAN + "/evaluation?fiscalYear=2029";
        String etag = Api.get(url).header("ETag");
        assertThat(etag).isNotNull();
        Map<String, String> revalidate = Map.of("If-None-Match", etag);
        assertThat(Api.get(url, revalidate).status()).isEqualTo(304);
        Load.run(8, WARMUP_SECONDS, () -> Api.get(url, revalidate).status() == 304 ? 200 : 500);
        List<Double> rates = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            Load.Round round = Load.run(8, ROUND_SECONDS, () -> Api.get(url, revalidate).status() == 304 ? 200 : 500);
            rates.add(round.perSecond());
            p50.add(round.p50Millis());
            p99.add(round.p99Millis());
        }
        row("Revalidate the 5,000-indicator report (If-None-Match → 304), 8 clients", "req/s", rates,
            String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (spread %.1f ms)", Load.median(p50), Load.median(p99), Load.spread(p99)),
            Load.median(rates) >= 5_000 && Load.median(p99) <= 5 ? "met (≥ 5,000/s, p99 ≤ 5 ms)" : "missed (≥ 5,000/s, p99 ≤ 5 ms)");
    }

    /** {@link #STREAMS} open evaluation streams; a change is posted 20 times, each time every stream must receive it. */
    void streams() throws Exception {
        awaitCaughtUp();
        StreamAudience audience = new StreamAudience(system.evaluation.url() + "/api/v1/plans/" + POST_PLAN
            + "/evaluation/stream", Api.token(), STREAMS);
        try {
            audience.awaitConnected(Duration.ofMinutes(2));
            // A stream is followed from the moment the service has subscribed it, just after its headers went out, and
            // once what the evaluation still sends from the load before (freshness) has gone out.
            audience.settle(Duration.ofSeconds(2), Duration.ofMinutes(2));
            List<Long> delays = new ArrayList<>();
            int changes = 20;
            for (int n = 1; n <= changes; n++) {
                // Alternately far below and far above the target: each post changes K0's 2029 result.
                Api.Reply reply = Api.post(system.indicators.url() + "/api/v1/plans/" + POST_PLAN + "/indicators/K0/measurements",
                    "{\"fiscalYear\": 2029, \"value\": " + (n % 2 == 0 ? 1 : 1000 + n) + ", \"status\": \"final\"}");
                long created = System.nanoTime();
                assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                delays.addAll(audience.awaitEach(n, created, Duration.ofSeconds(30)));
            }
            long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
            double p50 = Load.percentile(sorted, 0.5);
            double p99 = Load.percentile(sorted, 0.99);
            rows.add(String.format(Locale.ROOT, "| %d open evaluation streams, a change → every stream | p50 **%.1f ms**, p99 **%.1f ms** "
                    + "| %d receipts of %d changes; 201 → event received | %s |", STREAMS, p50, p99, sorted.length, changes,
                p99 <= 250 ? "met (p99 ≤ 250 ms)" : "missed (p99 ≤ 250 ms)"));
        } finally {
            audience.close();
        }
    }

    // --- 7. costs as plans and histories grow ---------------------------------------------------------------------

    /**
     * The same small work on ever larger plans and ever longer histories: a post's 201 → evaluated (the evaluation's
     * cost per applied event, with the constant relay and Kafka hop), and one indicator's result read now and as of
     * a past moment. Flat rows mean costs follow what changed, not what is stored.
     */
    void costsWithSize() throws Exception {
        List<String> table = new ArrayList<>();
        table.add("| Size | 201 → evaluated p50 / p99 | Read one result p50 / p99 | Read it as of a past moment p50 / p99 |");
        table.add("|---|---|---|---|");
        // READ_PLAN already has 5,000 indicators with ten years of figures.
        for (int size : new int[] {1_000, 5_000, 20_000}) {
            String plan = size == 5_000 ? READ_PLAN : "bench-size-" + size;
            if (size != 5_000) {
                definePlan(plan, 1, 1, 1);
                defineIndicatorsConcurrently(plan, size, "S", n -> "G1-1-1");
            }
            String code = size == 5_000 ? "R0" : "S0";
            table.add(costRow(String.format(Locale.ROOT, "plan of %,d indicators", size), plan, code));
        }
        // One indicator of the posting plan each, given a history of that many revisions of one year's figure.
        for (int revisions : new int[] {10, 1_000, 10_000}) {
            String code = "H" + revisions;
            defineIndicator(POST_PLAN, code, "G1-1-1");
            for (int posted = 0; posted < revisions; posted += 10_000) {
                StringBuilder body = new StringBuilder("[");
                for (int n = posted; n < Math.min(revisions, posted + 10_000); n++) {
                    body.append(n == posted ? "" : ",").append("{\"planCode\":\"").append(POST_PLAN)
                        .append("\",\"indicatorCode\":\"").append(code).append("\",\"fiscalYear\":2025,\"value\":")
                        .append(n).append(",\"status\":\"final\"}");
                }
                Api.Reply reply = Api.send("POST", system.indicators.url() + "/api/v1/measurements", "application/json",
                    body.append(']').toString());
                assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            }
            table.add(costRow(String.format(Locale.ROOT, "indicator with %,d revisions", revisions), POST_PLAN, code));
        }
        notes.add("Costs as plans and histories grow (sequential posts and reads, 100 each, on an idle system):\n\n"
            + String.join("\n", table) + "\n");
    }

    String costRow(String size, String plan, String code) throws Exception {
        String result = system.evaluation.url() + "/api/v1/plans/" + plan + "/evaluation/indicators/" + code + "?fiscalYear=2025";
        // Caught up with whatever was posted before, and the moment that "as of" reads will ask about.
        long last = 0;
        for (int n = 0; n < 100; n++) {
            Api.Reply reply = Api.post(system.indicators.url() + "/api/v1/plans/" + plan + "/indicators/" + code + "/measurements",
                "{\"fiscalYear\": 2025, \"value\": " + (7 + n) + ", \"status\": \"final\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            last = reply.json().get("id").asLong();
        }
        long caughtUp = last;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() ->
            Api.get(result).json().at("/working/actual/measurementId").asLong() >= caughtUp);
        String past = java.time.Instant.now().toString();
        long[] fresh = new long[100];
        for (int n = 0; n < fresh.length; n++) {
            Api.Reply reply = Api.post(system.indicators.url() + "/api/v1/plans/" + plan + "/indicators/" + code + "/measurements",
                "{\"fiscalYear\": 2025, \"value\": " + (500 + n) + ", \"status\": \"final\"}");
            long created = System.nanoTime();
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            fresh[n] = follow(plan, code, 2025, reply.json().get("id").asLong(), created);
        }
        long[] now = timedReads(result);
        long[] asOf = timedReads(result + "&asOf=" + past);
        java.util.Arrays.sort(fresh);
        return String.format(Locale.ROOT, "| %s | %.1f / %.1f ms | %.1f / %.1f ms | %.1f / %.1f ms |", size,
            Load.percentile(fresh, 0.5), Load.percentile(fresh, 0.99), Load.percentile(now, 0.5), Load.percentile(now, 0.99),
            Load.percentile(asOf, 0.5), Load.percentile(asOf, 0.99));
    }

    /** 100 sequential reads, each a full answer; their nanoseconds, sorted. */
    static long[] timedReads(String url) {
        long[] took = new long[100];
        for (int n = 0; n < took.length; n++) {
            long t = System.nanoTime();
            assertThat(Api.get(url).status()).isEqualTo(200);
            took[n] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(took);
        return took;
    }

    /** {@code count} indicators {@code prefix}0… from 8 clients, the nth under node {@code nodeOf(n)}. */
    void defineIndicatorsConcurrently(String plan, int count, String prefix, java.util.function.IntFunction<String> nodeOf)
        throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String code = prefix + n;
            String node = nodeOf.apply(n);
            // An indicator on a goal (a code without '-') is one of its KGIs.
            String kind = node.indexOf('-') < 0 ? "kgi" : "kpi";
            done.add(pool.submit(() -> defineIndicator(plan, code, node, kind)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    // --- 7. rebuild, 8. footprint --------------------------------------------------------------------------------

    void rebuild() {
        List<Double> rates = new ArrayList<>();
        long events = 0;
        List<Map<String, Double>> costs = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            Map<String, Double> before = meter.sample();
            JsonNode result = Api.send("POST", system.evaluation.url() + "/api/v1/admin/rebuild", "application/json", "").json();
            rates.add(result.get("eventsPerSecond").asDouble());
            events = result.get("events").asLong();
            costs.add(CpuMeter.perOperation(before, meter.sample(), events / 1000));
        }
        row("Rebuild of the read model from the topics", "events/s", rates, events + " events a round; CPU a thousand events "
                + CpuMeter.describe(CpuMeter.median(costs), "ms"),
            Load.median(rates) >= 50_000 ? "met (≥ 50,000/s)" : "missed (≥ 50,000/s)");
    }

    void footprint() throws InterruptedException {
        Pattern committed = Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB");
        Map<String, Long> asTheRunEnded = new LinkedHashMap<>();
        system.services().forEach(service -> asTheRunEnded.put(service.name, service.residentKib() / 1024));
        // At rest the trimmer has given back what glibc held after the load; the heap a burst grew stays (serial collector).
        TimeUnit.SECONDS.sleep(REST_SECONDS);
        for (ServiceProcess service : system.services()) {
            long mib = service.residentKib() / 1024;
            rows.add(String.format(Locale.ROOT, "| %s: start-up to ready, resident memory after the run, at rest | %d ms, "
                    + "**%d MiB** | JVM with deploy/jvm.options; %d MiB as the run ended, %d s before | %s |", service.name,
                system.startupMillis.get(service.name), mib, asTheRunEnded.get(service.name), REST_SECONDS,
                mib <= 300 ? "met (≤ 300 MiB)" : "missed (≤ 300 MiB)"));
            List<String> parts = new ArrayList<>();
            String nmt = service.jcmd("VM.native_memory", "summary");
            Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(nmt);
            parts.add("total " + (total.find() ? Long.parseLong(total.group(1)) / 1024 : -1));
            Matcher category = committed.matcher(nmt);
            while (category.find()) {
                long kib = Long.parseLong(category.group(2));
                if (kib >= 4 * 1024) {
                    parts.add(category.group(1).strip() + " " + kib / 1024);
                }
            }
            service.jcmd("GC.run");
            Matcher used = Pattern.compile("(?i)(?:generation|heap)\\s+total \\d+K, used (\\d+)K").matcher(service.jcmd("GC.heap_info"));
            long live = 0;
            while (used.find()) {
                live += Long.parseLong(used.group(1));
            }
            notes.add(String.format(Locale.ROOT, "%s: %d MiB resident; the JVM's committed memory by kind (MiB, ≥ 4): %s; "
                + "heap in use after a full collection: %d MiB.", service.name, mib, String.join(", ", parts), live / 1024));
        }
    }

    // --- set-up helpers ------------------------------------------------------------------------------------------

    void definePlan(String code, int goals, int policies, int items) {
        StringBuilder nodes = new StringBuilder();
        for (int g = 1; g <= goals; g++) {
            node(nodes, "G" + g, 1, null, g);
            for (int p = 1; p <= policies; p++) {
                node(nodes, "G" + g + "-" + p, 2, "G" + g, p);
                for (int i = 1; i <= items; i++) {
                    node(nodes, "G" + g + "-" + p + "-" + i, 3, "G" + g + "-" + p, i);
                }
            }
        }
        Api.Reply reply = Api.send("PUT", system.plans.url() + "/api/v1/plans/" + code, "application/json",
            "{\"title\": \"ベンチマーク計画 " + code + "\", \"firstFiscalYear\": 2020, \"lastFiscalYear\": 2029, "
                + "\"levels\": [\"目標\", \"方針\", \"実施項目\"], \"status\": \"active\", \"nodes\": [" + nodes + "]}");
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(60)).until(() ->
            Api.get(system.indicators.url() + "/api/v1/plans/" + code + "/indicators").status() == 200);
    }

    static void node(StringBuilder nodes, String code, int level, String parent, int position) {
        nodes.append(nodes.length() == 0 ? "" : ",").append("{\"code\":\"").append(code).append("\",\"title\":\"ノード ")
            .append(code).append("\",\"level\":").append(level).append(",\"parent\":")
            .append(parent == null ? "null" : "\"" + parent + "\"").append(",\"position\":").append(position).append('}');
    }

    void defineIndicators(String plan, int count, String node) {
        for (int n = 0; n < count; n++) {
            defineIndicator(plan, "K" + n, node);
        }
    }

    void defineIndicator(String plan, String code, String node) {
        defineIndicator(plan, code, node, "kpi");
    }

    void defineIndicator(String plan, String code, String node, String kind) {
        Api.Reply reply = Api.send("PUT", system.indicators.url() + "/api/v1/plans/" + plan + "/indicators/" + code, "application/json",
            "{\"nodeCode\": \"" + node + "\", \"kind\": \"" + kind + "\", \"name\": \"指標 " + code + "\", \"unit\": \"件\", "
                + "\"target\": {\"value\": 100, \"fiscalYear\": 2029}, \"direction\": \"higher_is_better\"}");
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    // --- output --------------------------------------------------------------------------------------------------

    void row(String what, String unit, List<Double> values, String detail, String target) {
        rows.add(String.format(Locale.ROOT, "| %s | **%.0f** %s (spread %.0f) | %s | %s |", what, Load.median(values), unit,
            Load.spread(values), detail, target));
    }

    void write() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Run with `deploy/local/benchmark.sh` (not part of the test suite). It starts the real stack on this machine — "
            + "a Kafka broker process, PostgreSQL, Keycloak, the three packaged services as processes — drives it over HTTP from a "
            + "small Java load generator, runs a peer on the same stack (`e2e-tests/benchmark-peer`, one `INSERT` a post) and "
            + "`pgbench` for the machine's own limit, and rewrites this file.\n\n");
        md.append(String.format(Locale.ROOT, "Run of %s on %d cores, %d GiB memory, %s %s; %d rounds of %.0f s after a warm-up of %d s, "
                + "median and spread (max − min) of the rounds.%n%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 30,
            System.getProperty("java.vm.name"), System.getProperty("java.version"), ROUNDS, ROUND_SECONDS, WARMUP_SECONDS));
        md.append("| What | Result | Detail | Target |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        // Part of a run is a look, not a record: it is written beside the logs.
        Path file = Processes.ROOT.resolve(System.getProperty("bench.output",
            SECTIONS.contains("all") ? "BENCHMARKS.md" : "e2e-tests/target/BENCHMARKS-part.md"));
        String previous = Files.exists(file) ? Files.readString(file) : "";
        int findings = previous.indexOf("\n## Findings");
        md.append(findings >= 0 ? previous.substring(findings) : "\n## Findings\n\n(none yet)\n");
        Files.writeString(file, md.toString());
        System.out.println(md);
    }

    // --- processes -----------------------------------------------------------------------------------------------

    static String host() {
        return env("PGHOST", "127.0.0.1");
    }

    static String port() {
        return env("PGPORT", "5432");
    }

    static String user() {
        return env("PGUSER", "planeval");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void psql(String sql) throws Exception {
        run(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", host(), "-p", port(), "-U", user(), "-d", PGBENCH_DATABASE, "-c", sql));
    }

    static String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", env("PGPASSWORD", "planeval"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
