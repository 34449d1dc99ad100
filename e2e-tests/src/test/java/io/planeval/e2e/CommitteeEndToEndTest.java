package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.planeval.contracts.Topics;

/**
 * The committee's R2–R6 table reproduced by the three packaged services running as their own processes, with a
 * Kafka broker process and real PostgreSQL, through their public REST APIs only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommitteeEndToEndTest {

    static final String PLAN = "gunma-r2-r6";
    /** The committee's printed figures (slides of 2025-07-18), kept with the test: see committee/README.md. */
    static final String SOURCE = "/committee/results-r2-r6.json";

    RunningSystem system;
    /** When the sample data had all been evaluated: the committee's table, before the tests change anything. */
    Instant loaded;
    SecondOrigin secondOrigin;
    TraceCollector traces;
    ChromeDriver browser;
    ServiceProcess indicators;
    ServiceProcess evaluation;

    @BeforeAll
    void startEverything() throws Exception {
        secondOrigin = new SecondOrigin();
        traces = new TraceCollector();
        Map<String, String> settings = new java.util.HashMap<>(traces.serviceSettings());
        settings.put("QUARKUS_HTTP_CORS_ORIGINS", secondOrigin.origin());
        system = RunningSystem.start("planeval_e2e", settings);
        indicators = system.indicators;
        evaluation = system.evaluation;

        long loading = System.nanoTime();
        ProcessBuilder loader = new ProcessBuilder("bash", "deploy/local/load-sample-data.sh")
            .directory(Processes.ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(Processes.LOGS.resolve("load-sample-data.log").toFile()));
        loader.environment().putAll(Map.of("PLAN_URL", system.plans.url(), "INDICATOR_URL", indicators.url(),
            "KEYCLOAK_URL", system.keycloak.url()));
        Process load = loader.start();
        assertThat(load.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(load.exitValue()).as("deploy/local/load-sample-data.sh, see target/e2e-logs").isZero();
        system.took("sample data loaded through the REST APIs", loading);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Api.Reply reply = Api.get(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation");
            return reply.status() == 200 && reply.json().at("/totals/kpis/total").asInt() == 94
                && reply.json().at("/totals/kpis/beingTallied").asInt() == 5;
        });
        system.took("sample data evaluated", loading);
        loaded = Instant.now();
    }

    @AfterAll
    void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (secondOrigin != null) {
            secondOrigin.close();
        }
        if (traces != null) {
            traces.close();
        }
        if (system != null) {
            system.stop();
        }
    }

    JsonNode report() {
        return Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation?fiscalYear=2024");
    }

    JsonNode kgi(JsonNode report, String code) {
        for (JsonNode goal : report.get("goals")) {
            for (JsonNode kgi : goal.get("kgis")) {
                if (kgi.get("code").asText().equals(code)) {
                    return kgi;
                }
            }
        }
        throw new AssertionError("No " + code + " in the report");
    }

    @Test
    @Order(1)
    void theCommitteesFiguresForFiscal2024() throws IOException {
        JsonNode report = report();
        JsonNode goals = report.get("goals");
        assertThat(texts(goals, "code")).containsExactly("GI", "GII", "GIII");
        assertThat(ints(goals, "/kpis/achieved")).containsExactly(12, 15, 25);
        assertThat(ints(goals, "/kpis/notAchieved")).containsExactly(7, 4, 10);
        assertThat(ints(goals, "/kpis/beingTallied")).containsExactly(1, 3, 1);
        assertThat(texts(goals, "/kpiAchievementRate/display")).containsExactly("63%", "79%", "71%");

        assertThat(kgi(report, "KGI1").at("/attainment/percent").decimalValue()).isEqualByComparingTo("74.0");
        assertThat(kgi(report, "KGI1").at("/attainment/display").asText()).isEqualTo("74%");
        assertThat(kgi(report, "KGI2").get("status").asText()).isEqualTo("being_tallied");
        assertThat(kgi(report, "KGI3").at("/attainment/display").asText()).isEqualTo("189%");
        assertThat(kgi(report, "KGI3").at("/attainment/percent").decimalValue()).isEqualByComparingTo("189.02");
        assertThat(kgi(report, "KGI4").at("/attainment/display").asText()).isEqualTo("24.2%");
        assertThat(kgi(report, "KGI5").get("status").asText()).isEqualTo("achieved");
        assertThat(kgi(report, "KGI5").at("/attainment/display").asText()).isEqualTo("100%");

        // The 21 unachieved KPIs, each with the target and actual the committee printed.
        JsonNode source;
        try (InputStream in = CommitteeEndToEndTest.class.getResourceAsStream(SOURCE)) {
            source = Api.JSON.readTree(in);
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode kpi : source.get("unachieved_kpis")) {
            expected.add(kpi.get("goal").asText() + " " + kpi.get("name").asText() + " " + plain(kpi.get("target").decimalValue())
                + " → " + plain(kpi.get("actual").decimalValue()) + " " + kpi.get("unit").asText());
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode goal : goals) {
            for (JsonNode kpi : goal.get("unachievedKpis")) {
                actual.add(goal.get("code").asText() + " " + kpi.get("name").asText() + " "
                    + plain(kpi.get("target").decimalValue()) + " → "
                    + plain(kpi.get("actual").decimalValue()) + " " + kpi.get("unit").asText());
            }
        }
        assertThat(actual).hasSize(21).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Order(2)
    void aCorrectionIsEvaluatedAtOnceWhileTheMomentBeforeStillShowsItBeingTallied() {
        Instant before = Instant.now();
        long posted = System.nanoTime();
        Api.Reply reply = Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/KGI2/measurements",
            "{\"fiscalYear\": 2024, \"value\": 52000, \"status\": \"final\", \"note\": \"R6実績確定\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        long created = System.nanoTime();
        String kgi2 = evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/KGI2";
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
            .until(() -> "achieved".equals(Api.getJson(kgi2).get("status").asText()));
        System.out.printf("[e2e] measurement 201 → evaluated: %d ms (POST took %d ms)%n",
            (System.nanoTime() - created) / 1_000_000, (created - posted) / 1_000_000);
        Instant after = Instant.now();

        assertThat(Api.getJson(kgi2).at("/attainment/display").asText()).isEqualTo("104%");
        assertThat(Api.getJson(kgi2 + "?asOf=" + before).get("status").asText()).isEqualTo("being_tallied");
        JsonNode changes = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/changes?from=" + before + "&to=" + after)
            .get("items");
        assertThat(texts(changes, "code")).containsExactly("KGI2");
        assertThat(changes.at("/0/from/status").asText()).isEqualTo("being_tallied");

        // The committee's 73.9% came from an unrounded actual: posting it gives 73.9%.
        assertThat(Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/KGI1/measurements",
            "{\"fiscalYear\": 2024, \"value\": 22.17, \"status\": \"final\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> "73.9%".equals(kgi(report(), "KGI1").at("/attainment/display").asText()));
    }

    @Test
    @Order(3)
    void measurementsPostedWhileTheBrokerIsDownAreAllEvaluatedWhenItIsBack() {
        system.broker.stop();
        List<String> codes = List.of("KGI3", "KGI4", "GI-KPI-N01", "GI-KPI-N02", "GII-KPI-N01", "GIII-KPI-N01", "GIII-KPI-N09");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Api.Reply reply = Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/" + codes.get(i) + "/measurements",
                "{\"fiscalYear\": 2023, \"value\": " + (100 + i) + ", \"status\": \"preliminary\"}");
            assertThat(reply.status()).as("posting while Kafka is down: " + reply.body()).isEqualTo(201);
            ids.add(reply.json().get("id").asLong());
        }
        long restarted = System.nanoTime();
        system.broker.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (int i = 0; i < codes.size(); i++) {
                JsonNode result = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/"
                    + codes.get(i) + "?fiscalYear=2023");
                assertThat(result.at("/working/actual/measurementId").asLong()).as(codes.get(i)).isEqualTo(ids.get(i));
            }
        });
        system.took("every measurement posted during the outage evaluated after the broker restart", restarted);
    }

    @Test
    @Order(4)
    void evaluationServiceStoppedMidStreamEndsWithTheSameEvaluation() throws Exception {
        StringBuilder rows = new StringBuilder("[");
        List<String> codes = List.of("KGI3", "KGI4", "GII-KPI-N02", "GIII-KPI-N03");
        for (int revision = 1; revision <= 50; revision++) {
            for (String code : codes) {
                rows.append(rows.length() > 1 ? "," : "").append("{\"planCode\": \"").append(PLAN).append("\", \"indicatorCode\": \"")
                    .append(code).append("\", \"fiscalYear\": 2022, \"value\": ").append(1000 + revision).append(", \"status\": \"final\"}");
            }
        }
        rows.append("]");
        Api.Reply reply = Api.post(indicators.url() + "/api/v1/measurements", rows.toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        evaluation.kill();
        long restarted = System.nanoTime();
        evaluation.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(evaluation::ready);
        system.took("evaluation-service restarted after a kill", restarted);
        long caughtUp = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String code : codes) {
                JsonNode result = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/" + code + "?fiscalYear=2022");
                assertThat(result.at("/working/actual/revision").asInt()).as(code).isEqualTo(50);
                assertThat(result.at("/working/actual/value").decimalValue()).isEqualByComparingTo("1050");
            }
        });
        system.took("evaluation caught up after the restart", caughtUp);
        // The committee's table is what it was before the restart.
        JsonNode report = report();
        assertThat(ints(report.get("goals"), "/kpis/achieved")).containsExactly(12, 15, 25);
        assertThat(kgi(report, "KGI1").at("/attainment/display").asText()).isEqualTo("73.9%");
    }

    @Test
    @Order(5)
    void keycloakTokensDecideWhoMayDoWhatAndTheAuditTrailNamesThem() {
        String reporterA = system.keycloak.token("sample-reporter-a");
        String dashboard = system.keycloak.token("sample-dashboard");
        String ownUrl = indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/GI-KPI-N01/measurements";
        String foreignUrl = indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/GIII-KPI-N01/measurements";
        String body = "{\"fiscalYear\": 2021, \"value\": 7, \"status\": \"preliminary\"}";

        assertThat(Api.sendAs(null, "POST", ownUrl, "application/json", body).status()).isEqualTo(401);
        assertThat(Api.sendAs(dashboard, "POST", ownUrl, "application/json", body).status()).isEqualTo(403);
        Api.Reply foreign = Api.sendAs(reporterA, "POST", foreignUrl, "application/json", body);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.json().at("/violations/0/reason").asText()).contains("sample-org-b").contains("sample-org-a");
        Api.Reply own = Api.sendAs(reporterA, "POST", ownUrl, "application/json", body);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().at("/recordedBy/client").asText()).isEqualTo("sample-reporter-a");

        // The R2–R6 plan is open data: its results are anybody's. The 2025–29 plan is not.
        String openResult = evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/GI-KPI-N01?fiscalYear=2021";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Reply result = Api.sendAs(null, "GET", openResult, null, null);
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.json().at("/working/actual/measurementId").asLong()).isEqualTo(own.json().get("id").asLong());
            assertThat(result.json().at("/working/actual/recordedBy/client").asText()).isEqualTo("sample-reporter-a");
            assertThat(result.json().at("/working/actual/recordedBy/organisation").asText()).isEqualTo("sample-org-a");
        });
        assertThat(Api.sendAs(null, "GET", evaluation.url() + "/api/v1/plans/gunma-2025-29/evaluation", null, null).status())
            .isEqualTo(401);
        assertThat(Api.sendAs(dashboard, "GET", evaluation.url() + "/api/v1/plans/gunma-2025-29/evaluation", null, null).status())
            .isEqualTo(200);

        // The audit trail, readers only, names the reporter's client and organisation for its revision.
        String audit = evaluation.url() + "/api/v1/plans/" + PLAN + "/audit?limit=5";
        assertThat(Api.sendAs(null, "GET", audit, null, null).status()).isEqualTo(401);
        JsonNode newest = Api.sendAs(dashboard, "GET", audit, null, null).json().at("/items/0");
        assertThat(newest.get("kind").asText()).isEqualTo("measurement");
        assertThat(newest.get("code").asText()).isEqualTo("GI-KPI-N01");
        assertThat(newest.at("/by/client").asText()).isEqualTo("sample-reporter-a");
        assertThat(newest.at("/by/organisation").asText()).isEqualTo("sample-org-a");
    }

    @Test
    @Order(6)
    void anOriginNotListedMayNotCallFromABrowser() throws Exception {
        HttpResponse<Void> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(indicators.url() + "/api/v1/measurements"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://elsewhere.example")
            .header("Access-Control-Request-Method", "POST")
            .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    @Order(7)
    void theBrokerLetsEachServiceWriteOnlyItsOwnTopicsAndNobodyInWithoutAPassword() {
        Map<String, Object> asIndicatorService = system.broker.clientSettings("indicator-service");
        asIndicatorService.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (Producer<String, String> producer = new KafkaProducer<>(asIndicatorService, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.PLANS, PLAN, "{}")).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        }

        Map<String, Object> wrongPassword = system.broker.clientSettings("plan-service", "not-the-password");
        try (Admin admin = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(8)
    void theDashboardShowsTheCommitteesTableAndFollowsANewMeasurementWithoutReload() throws Exception {
        browser = Browser.open();
        browser.get(evaluation.url() + "/plans/" + PLAN + "?fiscalYear=2024");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(texts(browser.findElements(By.cssSelector("tbody td.kpi-rate")))).containsExactly("63%", "79%", "71%");
        assertThat(browser.findElement(By.cssSelector("tr[data-indicator=KGI3] td.attainment")).getText()).isEqualTo("189%");

        // The README's picture: the table as the committee saw it, before the other tests' corrections.
        browser.get(evaluation.url() + "/plans/" + PLAN + "?fiscalYear=2024&asOf=" + loaded);
        assertThat(browser.findElement(By.cssSelector("tr[data-goal=GI] td.kgi-attainment")).getText()).isEqualTo("74%");
        Path screenshot = Processes.ROOT.resolve("e2e-tests/target/screenshots/dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        browser.get(evaluation.url() + "/plans/" + PLAN + "?fiscalYear=2024");

        // The page follows the stream: a new figure shows up without a reload (the marker would not survive one).
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(browser.executeScript(
            "return !!document.querySelector('[sse-connect]') && typeof htmx !== 'undefined'")));
        browser.executeScript("window.notReloaded = true");
        Instant before = Instant.now();
        long posted = System.nanoTime();
        assertThat(Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/KGI3/measurements",
            "{\"fiscalYear\": 2024, \"value\": 30000, \"status\": \"final\"}").status()).isEqualTo(201);
        // The page swaps its content in place: an element read just before a swap is gone, hence ignoreExceptions.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() ->
            "75%".equals(browser.findElement(By.cssSelector("tr[data-indicator=KGI3] td.attainment")).getText()));
        System.out.printf("[e2e] dashboard page showed the new figure %d ms after the POST%n", (System.nanoTime() - posted) / 1_000_000);
        assertThat(browser.executeScript("return window.notReloaded === true")).isEqualTo(true);

        // As of the moment before: the earlier figure, and a page that does not follow the stream.
        browser.get(evaluation.url() + "/plans/" + PLAN + "?fiscalYear=2024&asOf=" + before);
        assertThat(browser.findElement(By.cssSelector("tr[data-indicator=KGI3] td.attainment")).getText()).isEqualTo("189%");
        assertThat(browser.findElements(By.cssSelector("[sse-connect]"))).isEmpty();

        // English, the drill-down and the indicator page, by keyboard-reachable links.
        browser.get(evaluation.url() + "/plans/" + PLAN + "?fiscalYear=2024&lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.findElement(By.cssSelector("tr[data-goal=GII] th a")).click();
        assertThat(browser.findElement(By.cssSelector("dd.kpi-rate")).getText()).isEqualTo("79%");
        browser.findElement(By.cssSelector("tr[data-indicator=KGI3] th a")).click();
        assertThat(browser.findElement(By.cssSelector("svg[role=img] desc")).getAttribute("textContent")).contains("FY2024");
        assertThat(String.join(" ", texts(browser.findElements(By.cssSelector("td.recorded-by"))))).contains("planeval-ops");
    }

    @Test
    @Order(9)
    void anotherSitesPageReadsTheEvaluationAndFollowsTheStream() {
        browser.get(secondOrigin.origin() + "/?api=" + evaluation.url() + "&plan=" + PLAN);
        await().atMost(Duration.ofSeconds(10)).until(() -> "63% 79% 71%".equals(browser.findElement(By.id("rates")).getText()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(browser.findElement(By.id("event")).getText()));
        assertThat(Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/KGI3/measurements",
            "{\"fiscalYear\": 2024, \"value\": 75608, \"status\": \"final\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> "KGI3 2024 189%".equals(browser.findElement(By.id("event")).getText()));
    }

    @Test
    @Order(10)
    void aReaderWhoSignsInSeesAPlanThatIsNotOpenData() {
        browser.get(evaluation.url() + "/plans/gunma-2025-29?fiscalYear=2025");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ページが見つかりません");
        browser.findElement(By.cssSelector("main a[href^='/login']")).click();

        // The realm's own sign-in page, then back to the dashboard.
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("username")).isEmpty());
        assertThat(browser.getCurrentUrl()).startsWith(system.keycloak.url());
        browser.findElement(By.id("username")).sendKeys("sample-committee");
        browser.findElement(By.id("password")).sendKeys("sample-committee");
        browser.findElement(By.id("kc-login")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().startsWith(evaluation.url()));
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).isEqualTo("sample-committee");

        browser.get(evaluation.url() + "/plans/gunma-2025-29?fiscalYear=2025");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("2025");
        assertThat(browser.findElements(By.cssSelector("table.committee tbody tr"))).hasSize(4);

        // Down the plan's levels: a goal, then the first of its policies, each with its roll-up and its trail.
        browser.findElement(By.cssSelector("tr[data-goal] th a")).click();
        assertThat(browser.findElements(By.cssSelector("tr[data-node]"))).isNotEmpty();
        browser.findElement(By.cssSelector("tr[data-node] th a")).click();
        assertThat(browser.findElements(By.cssSelector(".crumbs li"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.cssSelector("dd.kpi-rate")).isDisplayed()).isTrue();

        // The session opens pages, never the API: with only the dashboard's cookies the API asks for a bearer token.
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
            .collect(java.util.stream.Collectors.joining("; "));
        assertThat(cookies).contains("q_session_dashboard");
        Api.Reply withCookies = Api.sendAs(null, "GET", evaluation.url() + "/api/v1/plans/gunma-2025-29/evaluation?fiscalYear=2025",
            null, null, Map.of("Cookie", cookies));
        assertThat(withCookies.status()).as(withCookies.body()).isEqualTo(401);

        // Signing out ends the session here and at the realm, and comes back to the plans.
        browser.findElement(By.cssSelector("header a[href='/logout']")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().startsWith(evaluation.url())
            && !browser.findElements(By.cssSelector("header a[href^='/login']")).isEmpty());
        browser.get(evaluation.url() + "/plans/gunma-2025-29?fiscalYear=2025");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ページが見つかりません");
        browser.findElement(By.cssSelector("main a[href^='/login']")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.get(evaluation.url() + "/");
    }

    @Test
    @Order(11)
    void twoInstancesOfEachServiceUnderLoadWithOneOfEachKilledMidRunLoseNothingAndAgree() throws Exception {
        // The second instances log JSON lines, as on a platform that collects logs.
        Map<String, String> jsonLogs = Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        ServiceProcess plans2 = system.plans.twin(jsonLogs);
        ServiceProcess indicators2 = indicators.twin(jsonLogs);
        ServiceProcess evaluation2 = evaluation.twin(jsonLogs);
        List<ServiceProcess> twins = List.of(plans2, indicators2, evaluation2);
        try {
            for (ServiceProcess twin : twins) {
                twin.start();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(twin::ready);
            }
            List<String> codes = List.of("KGI3", "KGI4", "GI-KPI-N01", "GII-KPI-N01");
            Map<String, Integer> revisionsBefore = new java.util.HashMap<>();
            for (String code : codes) {
                revisionsBefore.put(code, revisions(indicators2, code).size());
            }
            Instant loadStarted = Instant.now();

            // Clients post concurrently, alternating between the two instances, each post with its own
            // Idempotency-Key; a post that gets no answer goes to the other instance with the same key, as a careful
            // county system would. Halfway, one instance of each service dies without a goodbye.
            int clients = 4;
            int postsPerClient = 50;
            java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(clients * postsPerClient / 2);
            Map<String, Set<Long>> accepted = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients + 1);
            java.util.concurrent.Future<?> killer = pool.submit(() -> {
                halfway.await();
                indicators.kill();
                evaluation.kill();
                system.plans.kill();
                return null;
            });
            List<java.util.concurrent.Future<?>> posting = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                posting.add(pool.submit(() -> {
                    for (int i = 0; i < postsPerClient; i++) {
                        String code = codes.get((client + i) % codes.size());
                        String key = "load-" + loadStarted.toEpochMilli() + "-" + client + "-" + i;
                        String body = "{\"fiscalYear\": 2021, \"value\": " + (1000 * client + i) + ", \"status\": \"final\"}";
                        int first = client + i;
                        java.util.concurrent.atomic.AtomicInteger attempt = new java.util.concurrent.atomic.AtomicInteger();
                        // Until it is stored, as a client would: each attempt after 100 ms goes to the other instance.
                        Api.Reply reply = await("post " + key).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(100)).until(() -> {
                                ServiceProcess to = (first + attempt.getAndIncrement()) % 2 == 0 ? indicators : indicators2;
                                Api.Reply answer = Api.post(to.url() + "/api/v1/plans/" + PLAN + "/indicators/" + code
                                    + "/measurements", body, Map.of("Idempotency-Key", key));
                                assertThat(answer.status()).as(answer.body()).isIn(-1, 201, 429, 503);
                                return answer;
                            }, answer -> answer.status() == 201);
                        accepted.computeIfAbsent(code, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                            .add(reply.json().get("id").asLong());
                        halfway.countDown();
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> clientDone : posting) {
                clientDone.get(5, TimeUnit.MINUTES);
            }
            killer.get(1, TimeUnit.MINUTES);
            pool.shutdown();
            for (ServiceProcess restarted : List.of(system.plans, indicators, evaluation)) {
                restarted.start();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(restarted::ready);
            }

            for (ServiceProcess twin : twins) {
                assertThat(twin.log().stream().anyMatch(CommitteeEndToEndTest::jsonStartLine)).as(twin.name + " logs JSON").isTrue();
            }

            Map<String, Long> lastIds = new java.util.HashMap<>();
            for (String code : codes) {
                // Every accepted post kept once (a retried one too), numbered without gaps or repeats.
                JsonNode revisions = revisions(indicators, code);
                List<Integer> numbers = new ArrayList<>();
                Set<Long> ids = new java.util.HashSet<>();
                long lastId = 0;
                for (JsonNode revision : revisions) {
                    numbers.add(revision.get("revision").asInt());
                    ids.add(revision.get("id").asLong());
                    if (revision.get("revision").asInt() == revisions.size()) {
                        lastId = revision.get("id").asLong();
                    }
                }
                assertThat(numbers).as(code).doesNotHaveDuplicates()
                    .hasSize(revisionsBefore.get(code) + accepted.get(code).size());
                assertThat(numbers.stream().mapToInt(Integer::intValue).max().orElse(0)).as(code).isEqualTo(numbers.size());
                assertThat(ids).as(code).containsAll(accepted.get(code));
                lastIds.put(code, lastId);
            }
            // Both evaluation instances, once caught up, applied each revision once, use the last one and answer the
            // same report.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                for (ServiceProcess reader : List.of(evaluation, evaluation2)) {
                    for (String code : codes) {
                        assertThat(Api.getJson(reader.url() + "/api/v1/plans/" + PLAN + "/evaluation/indicators/" + code
                            + "?fiscalYear=2021").at("/working/actual/measurementId").asLong()).as(reader.name + " " + code)
                            .isEqualTo(lastIds.get(code));
                    }
                }
                assertThat(Api.get(evaluation.url() + "/api/v1/plans/" + PLAN + "/evaluation?fiscalYear=2021").body())
                    .isEqualTo(Api.get(evaluation2.url() + "/api/v1/plans/" + PLAN + "/evaluation?fiscalYear=2021").body());
            });
            List<String> applied = new ArrayList<>();
            Api.getJson(evaluation2.url() + "/api/v1/plans/" + PLAN + "/audit?limit=1000&from=" + loadStarted).get("items")
                .forEach(entry -> applied.add(entry.get("code").asText() + "#" + entry.get("number").asLong()));
            assertThat(applied).as("revisions the evaluation applied during the load").doesNotHaveDuplicates()
                .hasSize(accepted.values().stream().mapToInt(Set::size).sum());
        } finally {
            twins.forEach(ServiceProcess::stop);
        }
    }

    private static JsonNode revisions(ServiceProcess indicators, String code) {
        return Api.getJson(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/" + code
            + "/measurements?fiscalYear=2021&limit=1000").get("items");
    }

    @Test
    @Order(12)
    void oneMeasurementIsOneTraceFromItsPostThroughKafkaToItsEvaluation() {
        // The caller starts the trace, as a county system that traces its own calls would.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long freshnessBefore = freshnessCount();
        // A measurement that changes KGI2's status in 2024, so that the change is announced too.
        boolean tallied = "being_tallied".equals(Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN
            + "/evaluation/indicators/KGI2?fiscalYear=2024").get("status").asText());
        Api.Reply reply = Api.post(indicators.url() + "/api/v1/plans/" + PLAN + "/indicators/KGI2/measurements",
            tallied ? "{\"fiscalYear\": 2024, \"value\": 52000, \"status\": \"final\"}"
                : "{\"fiscalYear\": 2024, \"status\": \"being_tallied\", \"note\": \"再集計中\"}",
            Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        // Until the evaluation service has announced the change it made (the trace's last span).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
            assertThat(traces.trace(traceId)).anyMatch(span -> span.service().equals("evaluation-service")
                && span.name().equals("planeval.evaluations publish")));
        List<TraceCollector.Span> trace = traces.trace(traceId);
        TraceCollector.Span post = only(trace, span -> span.service().equals("indicator-service")
            && span.kind().equals("SPAN_KIND_SERVER"));
        assertThat(post.parentSpanId()).isEqualTo(callerSpan);
        TraceCollector.Span publish = only(trace, span -> span.name().equals("planeval.measurements publish"));
        assertThat(publish.service()).isEqualTo("indicator-service");
        assertThat(publish.kind()).isEqualTo("SPAN_KIND_PRODUCER");
        assertThat(publish.parentSpanId()).as("published from the post's outbox row").isEqualTo(post.spanId());
        // The Kafka connector's receive span and planeval's process span, both children of the publish span.
        assertThat(trace).anyMatch(span -> span.name().equals("planeval.measurements receive")
            && span.parentSpanId().equals(publish.spanId()));
        // Delivery is at least once: a record delivered again (after the consumer group rebalanced, say) is processed
        // again, found applied already, and changes nothing; each such span is a child of the same publish span.
        List<TraceCollector.Span> applied = trace.stream().filter(span -> span.name().equals("planeval.measurements process")).toList();
        assertThat(applied).isNotEmpty().allSatisfy(apply -> {
            assertThat(apply.kind()).isEqualTo("SPAN_KIND_CONSUMER");
            assertThat(apply.parentSpanId()).as("applied from the record the relay sent").isEqualTo(publish.spanId());
            assertThat(apply.attributes()).containsEntry("messaging.message.id", publish.attributes().get("messaging.message.id"));
        });
        // The evaluation it changed goes out on planeval.evaluations in the same trace, once.
        assertThat(trace).filteredOn(span -> span.service().equals("evaluation-service") && span.name().equals("planeval.evaluations publish"))
            .singleElement().satisfies(span -> assertThat(applied).anyMatch(apply -> apply.spanId().equals(span.parentSpanId())));

        await().atMost(Duration.ofSeconds(10)).until(() -> freshnessCount() > freshnessBefore);
    }

    @Test
    @Order(13)
    void everyMetricTheAlertsAndTheDashboardReadIsOneTheServicesExpose() {
        Set<String> exposed = new java.util.TreeSet<>();
        for (ServiceProcess service : List.of(system.plans, indicators, evaluation)) {
            Api.Reply metrics = Api.get(service.url() + "/q/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            metrics.body().lines().filter(line -> !line.startsWith("#"))
                .forEach(line -> exposed.add(line.split("[{ ]", 2)[0]));
        }
        assertThat(exposed).containsAll(Monitoring.metricNames());
    }

    @Test
    @Order(14)
    void theCommitteeFixesItsReportLocksTheYearAndSeesACorrectionAsAChangeSince() {
        String plan = "/api/v1/plans/" + PLAN;
        Api.Reply fixed = Api.post(evaluation.url() + plan + "/reports",
            "{\"name\": \"第39回 行財政改革評価・推進委員会\", \"fiscalYear\": 2024}");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        String report = evaluation.url() + fixed.header("Location");
        String evaluationAsFixed = Api.get(report + "/evaluation").body();
        assertThat(Api.getJson(report + "/changes").get("items")).isEmpty();

        Api.Reply locked = Api.send("PUT", indicators.url() + plan + "/locked-years/2024", "application/json",
            "{\"note\": \"第39回 行財政改革評価・推進委員会で確定\"}");
        assertThat(locked.status()).as(locked.body()).isEqualTo(201);
        String kgi3 = indicators.url() + plan + "/indicators/KGI3/measurements";
        Api.Reply refused = Api.post(kgi3, "{\"fiscalYear\": 2024, \"value\": 75700, \"status\": \"final\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/violations/0/field").asText()).isEqualTo("correctionReason");
        Api.Reply corrected = Api.post(kgi3,
            "{\"fiscalYear\": 2024, \"value\": 75700, \"status\": \"final\", \"correctionReason\": \"集計誤りの訂正\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> texts(Api.getJson(report + "/changes").get("items"), "code").contains("KGI3"));
        JsonNode changes = Api.getJson(report + "/changes").get("items");
        assertThat(texts(changes, "code")).containsExactly("KGI3");
        JsonNode change = changes.get(0);
        assertThat(change.at("/from/actual/value").decimalValue()).isEqualByComparingTo("75608");
        assertThat(change.at("/to/actual/value").decimalValue()).isEqualByComparingTo("75700");
        assertThat(change.at("/to/actual/correctionReason").asText()).isEqualTo("集計誤りの訂正");
        assertThat(texts(Api.getJson(indicators.url() + plan + "/corrections").get("items"), "correctionReason"))
            .containsExactly("集計誤りの訂正");
        assertThat(Api.get(report + "/evaluation").body()).as("the fixed report after the correction").isEqualTo(evaluationAsFixed);
    }

    @Test
    @Order(15)
    void anIndicatorOfThe2025PlanContinuesAnR2R6OneAndItsSeriesRunsAcrossBoth() {
        // Test data, not sample data: the source document defines no indicators for 2025–29, so this successor of
        // KGI③ is one the prefecture might define.
        String plan2025 = "/api/v1/plans/gunma-2025-29";
        Api.Reply defined = Api.send("PUT", indicators.url() + plan2025 + "/indicators/KGI-DX", "application/json", """
            {"nodeCode": "G1", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
             "target": {"value": 90000, "fiscalYear": 2029}, "direction": "higher_is_better",
             "predecessor": {"planCode": "gunma-r2-r6", "indicatorCode": "KGI3"}}""");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(Api.post(indicators.url() + plan2025 + "/indicators/KGI-DX/measurements",
            "{\"fiscalYear\": 2025, \"value\": 80000, \"status\": \"preliminary\"}").status()).isEqualTo(201);

        String lineage = evaluation.url() + plan2025 + "/lineage/indicators/KGI-DX";
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> Api.getJson(lineage).at("/series/5/value").asInt() == 80000);
        JsonNode series = Api.getJson(lineage);
        assertThat(texts(series.get("generations"), "planCode")).containsExactly("gunma-r2-r6", "gunma-2025-29");
        assertThat(series.at("/series/4/fiscalYear").asInt()).isEqualTo(2024);
        assertThat(series.at("/series/4/value").decimalValue()).as("R6, as corrected").isEqualByComparingTo("75700");
        assertThat(series.at("/series/5/fiscalYearLabel").asText()).isEqualTo("令和7年度");
        JsonNode continuity = Api.getJson(evaluation.url() + plan2025 + "/lineage/continuity");
        assertThat(texts(continuity.get("continued"), "/successor/indicatorCode")).containsExactly("KGI-DX");
        assertThat(texts(continuity.get("ended"), "indicatorCode")).contains("KGI1", "KGI2", "KGI4", "KGI5").doesNotContain("KGI3");

        // The R2–R6 plan is open data: its dataset is anybody's, and its header is its metadata's columns.
        Api.Reply csv = Api.sendAs(null, "GET", evaluation.url() + "/api/v1/plans/" + PLAN + "/open-data.csv", null, null);
        assertThat(csv.status()).isEqualTo(200);
        JsonNode metadata = Api.getJson(evaluation.url() + "/api/v1/plans/" + PLAN + "/open-data.csv-metadata.json");
        assertThat(csv.body().lines().findFirst().orElseThrow())
            .isEqualTo(String.join(",", texts(metadata.at("/tableSchema/columns"), "name")));
        assertThat(csv.body()).contains(",KGI3,").contains(",75700,");
        assertThat(texts(Api.getJson(evaluation.url() + "/api/v1/open-data/catalog").get("dcat:dataset"), "dct:identifier"))
            .contains(PLAN).doesNotContain("gunma-2025-29");
    }

    /**
     * The extremes of every field the APIs accept, through the public APIs to the evaluation: values of 14 digits
     * before the point and 6 after, of either sign where the method takes it; the first and last fiscal years; the
     * longest texts, in Japanese with characters beyond the BMP. Each is evaluated, exact, and nothing is parked.
     */
    @Test
    @Order(16)
    void theExtremesOfEveryFieldTheApisAcceptAreEachEvaluatedAndNothingIsParked() {
        String plan = "/api/v1/plans/extremes";
        // 499 UTF-16 units, the limit being 500: a character beyond the BMP takes two.
        String longTitle = "行財政改革𠮷".repeat(71) + "改革";
        Api.Reply planned = Api.send("PUT", system.plans.url() + plan, "application/json", """
            {"title": "%s", "firstFiscalYear": 1900, "lastFiscalYear": 2200, "levels": ["目標"],
             "nodes": [{"code": "G1", "title": "極端な値", "level": 1}]}""".formatted(longTitle));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String largest = "99999999999999.999999";
        String smallest = "0.000001";
        Map<String, String> definitions = Map.of(
            "X-RATIO", "\"direction\": \"higher_is_better\", \"method\": \"ratio\", \"target\": {\"value\": %s, \"fiscalYear\": 2200}"
                .formatted(smallest),
            "X-INVERSE", "\"direction\": \"lower_is_better\", \"method\": \"inverse_ratio\", \"target\": {\"value\": %s, \"fiscalYear\": 2200}"
                .formatted(largest),
            "X-PROGRESS", ("\"direction\": \"higher_is_better\", \"method\": \"progress_from_baseline\", "
                + "\"baseline\": {\"value\": 99999999999999.999998, \"fiscalYear\": 1900}, \"target\": {\"value\": %s, \"fiscalYear\": 2200}")
                .formatted(largest),
            "X-OUTCOME", "\"direction\": \"qualitative\", \"target\": {\"text\": \"%s\", \"fiscalYear\": 2200}".formatted(longTitle));
        definitions.forEach((code, definition) -> {
            String body = "{\"nodeCode\": \"G1\", \"kind\": \"kpi\", \"name\": \"%s\", \"unit\": \"𠮷件\", \"note\": \"%s\", %s}"
                .formatted(longTitle, "備考𩸽".repeat(2000 / 4), definition);
            // Right after the plan is created, indicator-service may not know it yet: 409, retry.
            Api.Reply defined = await().atMost(Duration.ofSeconds(10)).until(() ->
                Api.send("PUT", indicators.url() + plan + "/indicators/" + code, "application/json", body), reply -> reply.status() != 409);
            assertThat(defined.status()).as(code + ": " + defined.body()).isEqualTo(201);
            assertThat(defined.json().get("name").asText()).isEqualTo(longTitle);
        });
        Map<String, String> posts = Map.of(
            "X-RATIO", "\"value\": " + largest,
            "X-INVERSE", "\"value\": " + smallest,
            "X-PROGRESS", "\"value\": -" + largest,
            "X-OUTCOME", "\"outcome\": \"achieved\"");
        String note = "注記𩸽".repeat(2000 / 4);
        posts.forEach((code, value) -> {
            Api.Reply posted = Api.post(indicators.url() + plan + "/indicators/" + code + "/measurements",
                "{\"fiscalYear\": 2200, %s, \"status\": \"final\", \"describesDate\": \"2200-12-31\", \"note\": \"%s\", \"sourceSystem\": \"%s\"}"
                    .formatted(value, note, note));
            assertThat(posted.status()).as(code + ": " + posted.body()).isEqualTo(201);
        });

        Map<String, String> attainments = Map.of(
            "X-RATIO", "9999999999999999999900",
            "X-INVERSE", "9999999999999999999900",
            "X-PROGRESS", "-19999999999999999999700.0000000000",
            "X-OUTCOME", "100.0000000000");
        String results = evaluation.url() + plan + "/evaluation/indicators/";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> attainments.forEach((code, attainment) ->
            assertThat(Api.getJson(results + code + "?fiscalYear=2200").at("/attainment/percent").decimalValue())
                .as(code).isEqualByComparingTo(attainment)));
        JsonNode progress = Api.getJson(results + "X-PROGRESS?fiscalYear=2200");
        assertThat(progress.at("/working/actual/value").decimalValue()).isEqualByComparingTo("-" + largest);
        assertThat(Api.getJson(indicators.url() + plan + "/indicators/X-PROGRESS/measurements").at("/items/0/note").asText())
            .isEqualTo(note);
        assertThat(Api.getJson(evaluation.url() + plan + "/evaluation?fiscalYear=2200").at("/totals/kpis/achieved").asInt())
            .isEqualTo(3);
        assertThat(Api.get(evaluation.url() + plan + "/evaluation.csv?fiscalYear=2200").body()).contains(largest);
        assertThat(Api.get(evaluation.url() + plan + "/evaluation/forecast").status()).isEqualTo(200);
        assertThat(Api.get(evaluation.url() + plan + "/evaluation/changes?from=1900-01-01&to=2200-01-01").status()).isEqualTo(200);
        for (ServiceProcess service : system.services()) {
            Api.Reply well = Api.get(service.url() + "/q/health/well");
            assertThat(well.status()).as(service.name + ": " + well.body()).isEqualTo(200);
        }
    }

    /**
     * Every operation of the three API documents, called as its document describes it through a validating proxy
     * (Prism, --errors): each request is one the document allows, and each answer, refusals included, is one it
     * describes: status, headers and body. Run last: it ends with a rebuild.
     */
    @Test
    @Order(17)
    void everyOperationAnswersAsItsDocumentSaysThroughAValidatingProxy() throws IOException {
        String plan = "contract-check";
        // A plan of its own, the R2–R6 sample under another code with KGI③ and its figure, so that the writes touch
        // nothing else.
        com.fasterxml.jackson.databind.node.ObjectNode sample = (com.fasterxml.jackson.databind.node.ObjectNode)
            Api.JSON.readTree(Processes.ROOT.resolve("deploy/sample-data/plans/gunma-r2-r6.json").toFile());
        sample.put("code", plan);
        Api.Reply planned = Api.send("PUT", system.plans.url() + "/api/v1/plans/" + plan, "application/json", sample.toString());
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String kgi3 = Files.readString(Processes.ROOT.resolve("deploy/sample-data/indicators/gunma-r2-r6/KGI3.json"));
        Api.Reply defined = await().atMost(Duration.ofSeconds(10)).until(() -> Api.send("PUT",
            indicators.url() + "/api/v1/plans/" + plan + "/indicators/KGI3", "application/json", kgi3), reply -> reply.status() != 409);
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(Api.post(indicators.url() + "/api/v1/plans/" + plan + "/indicators/KGI3/measurements",
            "{\"fiscalYear\": 2024, \"value\": 75608, \"status\": \"final\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() ->
            Api.get(evaluation.url() + "/api/v1/plans/" + plan + "/evaluation/indicators/KGI3").status() == 200);

        List<ContractWorkload.Call> calls = ContractWorkload.calls(system.services(), plan);
        List<String> exercised = new ArrayList<>();
        try (ContractProxies proxies = new ContractProxies(system.services())) {
            for (ContractWorkload.Call call : calls) {
                Api.Reply reply = Api.sendAs(Api.token(), call.method(), proxies.url(call.service()) + call.path(), call.contentType(),
                    call.body(), call.headers());
                assertThat(reply.body()).as("%s (%s %s) answered %d through the proxy", call.operationId(), call.method(), call.path(),
                    reply.status()).doesNotContain(ContractProxies.PRISM_ERROR);
                assertThat(reply.status()).as("%s: %s", call.operationId(), reply.body()).isBetween(200, 499);
                exercised.add(call.operationId());
            }
            assertThat(proxies.loggedViolations()).isEmpty();
        }
        assertThat(exercised).as("every operation once").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(35);
    }

    /** How many measurement events evaluation-service has timed from their change to their application. */
    private long freshnessCount() {
        String metrics = Api.get(evaluation.url() + "/q/metrics").body();
        return metrics.lines()
            .filter(line -> line.startsWith("planeval_events_freshness_seconds_count{")
                && line.contains("topic=\"planeval.measurements\""))
            .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }

    private static TraceCollector.Span only(List<TraceCollector.Span> trace, java.util.function.Predicate<TraceCollector.Span> which) {
        List<TraceCollector.Span> found = trace.stream().filter(which).toList();
        assertThat(found).as("spans of the trace: %s", trace).hasSize(1);
        return found.get(0);
    }

    /** A JSON log line that says the service started. */
    private static boolean jsonStartLine(String line) {
        try {
            return line.startsWith("{") && Api.JSON.readTree(line).path("message").asText().contains("started in");
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private static List<String> texts(JsonNode array, String pointer) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(pointer.startsWith("/") ? node.at(pointer).asText() : node.get(pointer).asText()));
        return values;
    }

    private static List<Integer> ints(JsonNode array, String pointer) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.at(pointer).asInt()));
        return values;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
