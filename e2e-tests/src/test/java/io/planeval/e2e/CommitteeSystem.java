package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The system the committee's scenarios share, started once by the first of them: starting it and loading the sample
 * through the REST APIs takes most of a minute. The last scenario stops it ({@link #stop}); so does the end of the run,
 * when only some scenarios were chosen.
 */
final class CommitteeSystem {

    static final String PLAN = "gunma-r2-r6";

    private static CommitteeSystem running;

    final RunningSystem system;
    final SecondOrigin secondOrigin;
    final TraceCollector traces;
    /** When the sample data had all been evaluated: the committee's table, before the scenarios change anything. */
    final Instant loaded;
    private ChromeDriver browser;

    private CommitteeSystem(RunningSystem system, SecondOrigin secondOrigin, TraceCollector traces, Instant loaded) {
        this.system = system;
        this.secondOrigin = secondOrigin;
        this.traces = traces;
        this.loaded = loaded;
    }

    /** Starts the shared system before the first scenario class. */
    static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            if (start()) {
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(CommitteeSystem.class, (ExtensionContext.Store.CloseableResource) CommitteeSystem::stop);
            }
        }
    }

    static synchronized CommitteeSystem running() {
        if (running == null) {
            throw new IllegalStateException("The committee's system is not running: a scenario needs CommitteeSystem.Extension");
        }
        return running;
    }

    /** Starts the system unless it runs; says whether it started it. */
    private static synchronized boolean start() throws Exception {
        if (running != null) {
            return false;
        }
        SecondOrigin secondOrigin = new SecondOrigin();
        TraceCollector traces = new TraceCollector();
        Map<String, String> settings = new HashMap<>(traces.serviceSettings());
        settings.put("QUARKUS_HTTP_CORS_ORIGINS", secondOrigin.origin());
        // Reminders looked for every two seconds; webhooks may go to the test's own receivers on this machine.
        settings.put("PLANEVAL_EVALUATION_REMINDERS_CHECK_INTERVAL", "2s");
        settings.put("PLANEVAL_EVALUATION_WEBHOOKS_ALLOWED_HOSTS", "127.0.0.1");
        settings.put("PLANEVAL_EVALUATION_WEBHOOKS_FIRST_RETRY", "500ms");
        RunningSystem system = RunningSystem.start("planeval_e2e", settings);

        long loading = System.nanoTime();
        ProcessBuilder loader = new ProcessBuilder("bash", "deploy/local/load-sample-data.sh")
            .directory(Processes.ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(Processes.LOGS.resolve("load-sample-data.log").toFile()));
        loader.environment().putAll(Map.of("PLAN_URL", system.plans.url(), "INDICATOR_URL", system.indicators.url(), "EVALUATION_URL", system.evaluation.url(),
            "KEYCLOAK_URL", system.keycloak.url()));
        Process load = loader.start();
        assertThat(load.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(load.exitValue()).as("deploy/local/load-sample-data.sh, see target/e2e-logs").isZero();
        system.took("sample data loaded through the REST APIs", loading);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Api.Reply reply = Api.get(system.evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation");
            return reply.status() == 200 && reply.json().at("/totals/kpis/total").asInt() == 94
                && reply.json().at("/totals/kpis/beingTallied").asInt() == 5;
        });
        system.took("sample data evaluated", loading);
        running = new CommitteeSystem(system, secondOrigin, traces, Instant.now());
        return true;
    }

    /** The browser the dashboard scenarios drive, opened when first asked for and closed with the system. */
    synchronized ChromeDriver openBrowser() {
        if (browser == null) {
            browser = Browser.open();
        }
        return browser;
    }

    static synchronized void stop() {
        if (running == null) {
            return;
        }
        if (running.browser != null) {
            running.browser.quit();
        }
        running.secondOrigin.close();
        running.traces.close();
        running.system.stop();
        running = null;
    }
}
