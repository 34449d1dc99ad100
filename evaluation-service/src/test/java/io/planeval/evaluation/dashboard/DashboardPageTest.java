package io.planeval.evaluation.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.evaluation.report.CommitteeReportTest;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The dashboard's pages, as a browser without a token gets them: the committee's figures, in Japanese and English. */
@QuarkusTest
class DashboardPageTest {

    static final String OPEN = "ev-page-open";
    static final String CLOSED = "ev-page-closed";
    static boolean loaded;

    @BeforeEach
    void plans() {
        if (loaded) {
            return;
        }
        KafkaTestProducer.sendAll(SampleEvents.openAndClosed(OPEN, CLOSED, 90_000));
        CommitteeReportTest.awaitComplete(OPEN);
        CommitteeReportTest.awaitComplete(CLOSED);
        loaded = true;
    }

    private static String page(String path, int status) {
        return TestIdentity.as(null).when().get(path).then().statusCode(status)
            .contentType(startsWith("text/html")).header("Content-Security-Policy", containsString("default-src 'self'"))
            .extract().asString();
    }

    @Test
    void theCommitteesTableForFiscal2024InJapaneseAndEnglish() {
        String ja = page("/plans/" + OPEN + "?fiscalYear=2024", 200);
        assertThat(ja).contains("<html lang=\"ja\">", "KPIの達成状況（令和6年度）", "KPI達成率", "未達成のKPI", "sse-connect=\"/plans/" + OPEN + "/stream?after=");
        assertThat(cells(ja, "kpi-rate")).startsWith("63%", "79%", "71%");
        assertThat(ja).contains("委員会資料", "/api/v1/plans/" + OPEN + "/evaluation/pack?fiscalYear=2024&amp;format=pdf",
            "/api/v1/plans/" + OPEN + "/evaluation/pack?fiscalYear=2024&amp;format=xlsx");
        assertThat(ja).containsPattern("data-indicator=\"KGI3\">[\\s\\S]*?<td class=\"attainment\">189%</td>");

        String en = page("/plans/" + OPEN + "?fiscalYear=2024&lang=en", 200);
        assertThat(en).contains("<html lang=\"en\">", "KPI achievement (FY2024)", "KPI achievement rate", "KPIs not achieved");
        assertThat(cells(en, "kpi-rate")).startsWith("63%", "79%", "71%");
        assertThat(en).containsPattern("data-indicator=\"KGI3\">[\\s\\S]*?<td class=\"status achieved\">Achieved</td>");

        // An earlier moment: nothing measured yet, and the page does not follow the stream.
        String before = page("/plans/" + OPEN + "?fiscalYear=2024&asOf=2025-07-05", 200);
        assertThat(before).doesNotContain("sse-connect");
        assertThat(cells(before, "kpi-rate")).doesNotContain("63%");
    }

    /** A broken-down indicator's members as a table: the miss first, every municipality by name, sortable, in both languages. */
    @Test
    void theMembersOfABrokenDownIndicatorShowWhoMissed() {
        String indicator = page("/plans/" + OPEN + "/indicators/GI-KPI-N04?fiscalYear=2024&asOf=2025-07-17", 200);
        assertThat(indicator).contains("/plans/" + OPEN + "/indicators/GI-KPI-N04/members?fiscalYear=2024&amp;asOf=2025-07-17");
        String ja = page("/plans/" + OPEN + "/indicators/GI-KPI-N04/members?fiscalYear=2024&asOf=2025-07-17", 200);
        assertThat(ja).contains("市町村オープンデータ取組率", "構成団体等の数値（令和6年度）", "35／35が報告済み", "内訳から算出",
            "34 of 35 members at least 1", "<caption>", "aria-sort=\"ascending\"");
        // Sorted by status by default: 邑楽町, the one without open data, opens the table.
        assertThat(ja.indexOf("邑楽町")).isLessThan(ja.indexOf("前橋市"));
        assertThat(ja.split("<tr", -1).length - 2).as("35 rows and the header").isEqualTo(35);
        String byMember = page("/plans/" + OPEN + "/indicators/GI-KPI-N04/members?fiscalYear=2024&asOf=2025-07-17&sort=member", 200);
        assertThat(byMember.indexOf("前橋市")).isLessThan(byMember.indexOf("邑楽町"));
        String en = page("/plans/" + OPEN + "/indicators/GI-KPI-N04/members?fiscalYear=2024&asOf=2025-07-17&lang=en", 200);
        assertThat(en).contains("Figures by member", "35 of 35 reported", "Not achieved");
        // A year nobody has reported marks every member missing.
        String empty = page("/plans/" + OPEN + "/indicators/GI-KPI-N04/members?fiscalYear=2023", 200);
        assertThat(empty.split("class=\"missing\"", -1).length - 1).isEqualTo(35);
        TestIdentity.as(null).when().get("/plans/" + OPEN + "/indicators/KGI3/members").then().statusCode(404);
    }

    /** What cannot be shown is a page in the reader's language, with the way back; a page not changed revalidates as 304. */
    @Test
    void errorsArePagesAndUnchangedPagesRevalidate() {
        String early = TestIdentity.as(null).when().get("/plans/" + OPEN + "?asOf=2020-01-01").then().statusCode(404)
            .contentType(startsWith("text/html")).extract().asString();
        assertThat(early).contains("<html lang=\"ja\">", "<main id=\"content\"", "<h1>", "<title>", "この計画が記録された最初の日",
            "/plans/" + OPEN + "?asOf=");
        String malformed = TestIdentity.as(null).when().get("/plans/" + OPEN + "?asOf=yesterday&lang=en").then().statusCode(400)
            .contentType(startsWith("text/html")).extract().asString();
        assertThat(malformed).contains("<html lang=\"en\">", "This cannot be shown for what was asked", "Back to the plan as it stands");
        TestIdentity.as(null).when().get("/plans/" + OPEN + "/nodes/NOWHERE").then().statusCode(404).contentType(startsWith("text/html"));
        TestIdentity.as(null).when().get("/plans/" + OPEN + "/indicators/NOWHERE").then().statusCode(404).contentType(startsWith("text/html"));
        TestIdentity.as(null).when().get("/favicon.ico").then().statusCode(200).contentType(startsWith("image/"));

        String path = "/plans/" + OPEN + "?fiscalYear=2024&asOf=2025-07-17";
        String tag = TestIdentity.as(null).when().get(path).then().statusCode(200).extract().header("ETag");
        assertThat(tag).isNotBlank();
        TestIdentity.as(null).header("If-None-Match", tag).when().get(path).then().statusCode(304);
    }

    /** Figures as people read them, the year each page shows with a way to change it, and the plan's year with figures first. */
    @Test
    void figuresReadAsWrittenAndEveryPageSaysItsYear() {
        String plan = page("/plans/" + OPEN + "?asOf=2025-07-17", 200);
        assertThat(plan).as("opens on the latest year with figures").contains("<option value=\"2024\" selected>");
        assertThat(plan).containsPattern("data-indicator=\"KGI3\">[\\s\\S]*?<td>40,000時間/年</td>\\s*<td>75,608時間/年</td>");
        String node = page("/plans/" + OPEN + "/nodes/GII?fiscalYear=2023", 200);
        assertThat(node).contains("令和5年度", "<option value=\"2023\" selected>", "hx-preserve");
        String indicator = page("/plans/" + OPEN + "/indicators/KGI3?fiscalYear=2024", 200);
        assertThat(indicator).contains("実績値÷目標値（高いほど良い）", "確定値").doesNotContain("higher_is_better");
        assertThat(page("/plans/" + OPEN + "?fiscalYear=2021", 200)).contains("令和3年度の実績はまだ報告されていません。");
        // A moment asked as an instant: its day in the date field, the moment to the minute (Japan time) beside it.
        assertThat(page("/plans/" + OPEN + "?asOf=2025-07-17T00:30:00Z", 200))
            .contains("name=\"asOf\" value=\"2025-07-17\"", "<span id=\"as-of-hint\" class=\"muted\">2025-07-17 09:30</span>");
    }

    /** Each goal's rates beside the year before's: an arrow for the eye, the earlier figure in words for a screen reader. */
    @Test
    void theCommitteesTableShowsTheMovementSinceTheYearBefore() throws Exception {
        // KGI3 gets a milestone for 2023 (the sample's targets are for 2024 only), and a 2023 figure to judge by it.
        var kgi3 = (com.fasterxml.jackson.databind.node.ObjectNode) SampleEvents.JSON.readTree(
            SampleEvents.SAMPLES.resolve("indicators/gunma-r2-r6/KGI3.json").toFile());
        kgi3.set("milestones", SampleEvents.JSON.readTree("[{\"fiscalYear\": 2023, \"value\": 30000}]"));
        KafkaTestProducer.sendAll(List.of(SampleEvents.indicator(OPEN, "KGI3", kgi3, 2, Instant.parse("2025-07-11T00:00:00Z")),
            SampleEvents.measurement(OPEN, 90_996, "KGI3", 2023, 1, new BigDecimal("20000"), null,
            MeasurementStatus.FINAL, Instant.parse("2025-07-11T00:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(page("/plans/" + OPEN + "?fiscalYear=2024", 200))
            .containsPattern("data-goal=\"GII\">[\\s\\S]*?<td class=\"kgi-attainment\">107% <span class=\"trend up\" aria-hidden=\"true\" "
                + "title=\"令和5年度：(67|0)%\">↑</span><span class=\"visually-hidden\">（令和5年度の(67|0)%から上昇）</span>"));
        assertThat(page("/plans/" + OPEN + "?fiscalYear=2024&lang=en", 200)).containsPattern("\\(up from (67|0)% in FY2023\\)");
        // The plan's first year has none before it.
        assertThat(page("/plans/" + OPEN + "?fiscalYear=2020", 200)).doesNotContain("class=\"trend ");
    }

    /** An actual of 0 is a figure, shown as 0: the pages test for a value's presence, never its truth. */
    @Test
    void anActualOfZeroIsShownAsZero() {
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(OPEN, 90_999, "KGI3", 2023, 9, BigDecimal.ZERO, null,
            MeasurementStatus.FINAL, Instant.parse("2025-07-20T00:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(page("/plans/" + OPEN + "?fiscalYear=2023", 200))
            .containsPattern("data-indicator=\"KGI3\">(?:(?!</tr>)[\\s\\S])*<td>0時間/年</td>"));
        assertThat(page("/plans/" + OPEN + "/nodes/GII?fiscalYear=2023", 200))
            .containsPattern("data-indicator=\"KGI3\">(?:(?!</tr>)[\\s\\S])*<td>0時間/年</td>");
    }

    /** The committee's words beside the figures: a goal's evaluation and highlights, an indicator's causes and actions. */
    @Test
    void theCommitteesWordsAreShownWithTheFigures() {
        given().contentType("application/json").body(Map.of("evaluation", "一段落目。\n<b>二段落目</b>。",
                "highlights", List.of("管理職に占める女性職員の割合 14.9 ％（R1） → 22.7 ％（R6）")))
            .when().put("/api/v1/plans/" + OPEN + "/evaluation/nodes/GII/narratives/2024").then().statusCode(201);
        given().contentType("application/json").body(Map.of("causes", "業務量の増加", "actions", "RPAの拡大"))
            .when().put("/api/v1/plans/" + OPEN + "/evaluation/indicators/KGI4/narratives/2024").then().statusCode(201);
        String node = page("/plans/" + OPEN + "/nodes/GII?fiscalYear=2024", 200);
        assertThat(node).contains("<h2>評価</h2>", "一段落目。\n&lt;b&gt;二段落目&lt;/b&gt;。", "<li>管理職に占める女性職員の割合 14.9 ％（R1） → 22.7 ％（R6）</li>");
        String indicator = page("/plans/" + OPEN + "/indicators/KGI4?fiscalYear=2024", 200);
        assertThat(indicator).contains("<h2>要因分析</h2>", "業務量の増加", "<h2>改善策</h2>", "RPAの拡大");
        assertThat(page("/plans/" + OPEN + "/indicators/KGI4?fiscalYear=2024&lang=en", 200)).contains("<h2>Causes</h2>", "<h2>Actions</h2>");
        assertThat(page("/plans/" + OPEN + "/nodes/GII?fiscalYear=2023", 200)).doesNotContain("<h2>評価</h2>");
    }

    /** Who still owes figures, sortable by the column the evaluation office clicks, in either language. */
    @Test
    void theCompletenessTableSortsByTheColumnAsked() {
        String plan = page("/plans/" + OPEN + "?fiscalYear=2024", 200);
        assertThat(plan).contains("href=\"/plans/" + OPEN + "/completeness?fiscalYear=2024\">提出状況</a>");
        String table = page("/plans/" + OPEN + "/completeness?fiscalYear=2024", 200);
        assertThat(table).contains("提出状況（令和6年度）", "報告期限: 2025-06-30", "期限を", "営業日経過", "sample-org-a", "sample-org-b",
            "KGI2", "集計中", "class=\"num late\"");
        List<String> owingFirst = rowHeadings(table);
        List<String> byOrganisation = rowHeadings(page("/plans/" + OPEN + "/completeness?fiscalYear=2024&sort=organisation", 200));
        assertThat(byOrganisation).containsExactly("sample-org-a", "sample-org-b");
        assertThat(owingFirst).containsExactlyInAnyOrderElementsOf(byOrganisation);
        assertThat(page("/plans/" + OPEN + "/completeness?fiscalYear=2024&sort=organisation", 200))
            .contains("aria-sort=\"ascending\"><a href=\"/plans/" + OPEN + "/completeness?fiscalYear=2024&amp;sort=organisation\">");
        String en = page("/plans/" + OPEN + "/completeness?fiscalYear=2024&lang=en", 200);
        assertThat(en).contains("Reporting completeness (FY2024)", "working days past the due date", "Not reported", "being tallied");
        page("/plans/" + CLOSED + "/completeness?fiscalYear=2024", 404);
    }

    /** The organisation of each row of the completeness table, in order. */
    private static List<String> rowHeadings(String page) {
        List<String> organisations = new ArrayList<>();
        var rows = java.util.regex.Pattern.compile("<tr>\\s*<th scope=\"row\">(?:[^<]*<span class=\"muted\">)?(sample-org-[ab])").matcher(page);
        while (rows.find()) {
            organisations.add(rows.group(1));
        }
        return organisations;
    }

    @Test
    void drillDownIndicatorPageAndChanges() {
        String goal = page("/plans/" + OPEN + "/nodes/GII?fiscalYear=2024", 200);
        assertThat(goal).contains("<dd class=\"kpi-rate\">79%</dd>", "data-indicator=\"KGI3\"");

        String indicator = page("/plans/" + OPEN + "/indicators/KGI3?fiscalYear=2024", 200);
        assertThat(indicator).contains("75608 ÷ 40000", "sample-reporter-a (sample-org-a)", "<svg", "role=\"img\"", "<desc id=\"chart-desc\">",
            "class=\"axis unit\"", ">時間/年</text>", "見通し", "class=\"verdict ");

        String changes = page("/plans/" + OPEN + "/changes?fiscalYear=2024&from=2025-07-05&to=2025-07-31", 200);
        assertThat(changes).contains("data-indicator=\"KGI3\"", "令和6年度の評価の、2025-07-05から2025-07-31までの変化", "目標別の変化",
            "<option value=\"2024\" selected>");
        assertThat(changes).containsPattern("data-indicator=\"KGI3\">[\\s\\S]*?<span class=\"status achieved\">達成</span> 189% <span class=\"muted\">75,608</span>");
        assertThat(changes).containsPattern("<tr data-goal=\"GII\">[\\s\\S]*?<td>\\d+</td><td class=\"achieved\">[1-9]\\d*</td>");
    }

    /** The forecast, the tallies overdue, the reports the committee fixed (each as fixed, and what changed since), as the API has them. */
    @Test
    void theForecastOverdueTalliesAndFixedReportsArePages() {
        // A second year of KGI3 (the sample has 2024 only) draws a line through its figures.
        // And a 2020 figure of KGI1 still being tallied, expected long ago, is overdue.
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(OPEN, 90_998, "KGI3", 2022, 1, new BigDecimal("20000"), null,
            MeasurementStatus.FINAL, Instant.parse("2025-07-11T00:00:00Z")),
            SampleEvents.expected(OPEN, 90_997, "KGI1", 2020, 1, LocalDate.parse("2021-06-30"), null, Instant.parse("2025-07-11T00:00:00Z"))));
        String api = "/api/v1/plans/" + OPEN + "/evaluation/forecast";
        await().atMost(Duration.ofSeconds(30)).until(() -> "on_track".equals(
            TestIdentity.as(null).when().get(api).jsonPath().getString("indicators.find { it.code == 'KGI3' }.verdict"))
            && TestIdentity.as(null).when().get("/api/v1/plans/" + OPEN + "/evaluation/overdue").asString().contains("KGI1"));
        JsonPath verdicts = JsonPath.from(TestIdentity.as(null).when().get(api).asString());
        String forecast = page("/plans/" + OPEN + "/forecast", 200);
        assertThat(forecast).contains("達成見通し", "目標別の見通し", "data-goal=\"GI\"", "<caption>");
        assertThat(forecast).containsPattern("data-goal=\"totals\"><th scope=\"row\">全体</th><td>" + verdicts.getInt("totals.onTrack") + "</td><td>"
            + verdicts.getInt("totals.atRisk") + "</td><td>" + verdicts.getInt("totals.offTrack") + "</td>");
        // Every indicator, those that will miss first.
        List<String> shown = new ArrayList<>();
        var verdict = java.util.regex.Pattern.compile("class=\"verdict (\\w+)\"").matcher(forecast);
        while (verdict.find()) {
            shown.add(verdict.group(1));
        }
        List<String> order = List.of("off_track", "at_risk", "on_track", "insufficient_data");
        assertThat(shown).hasSize(verdicts.getInt("totals.total")).contains("on_track").isSortedAccordingTo(java.util.Comparator.comparing(order::indexOf));
        assertThat(page("/plans/" + OPEN + "/forecast?lang=en", 200)).contains("Outlook by goal", ">On track</td>").doesNotContain("順調</td>");
        // The indicator's page says so too, and draws the trend to the target's year.
        assertThat(page("/plans/" + OPEN + "/indicators/KGI3", 200)).contains("class=\"verdict on_track\">順調</span>", "<path class=\"forecast\"",
            "点を通る回帰直線で1年あたり").doesNotContain("least squares", "the indicator has no");

        List<String> late = JsonPath.from(TestIdentity.as(null).when().get("/api/v1/plans/" + OPEN + "/evaluation/overdue").asString())
            .getList("items.code");
        String overdue = page("/plans/" + OPEN + "/overdue", 200);
        assertThat(late).contains("KGI1").allSatisfy(code -> assertThat(overdue).contains("data-indicator=\"" + code + "\""));

        String reports = "/api/v1/plans/" + OPEN + "/reports";
        assertThat(page("/plans/" + OPEN + "/reports", 200)).contains("確定した報告はまだありません。");
        long asReported = given().contentType("application/json").body("{\"name\": \"第39回 委員会\", \"fiscalYear\": 2024, "
                + "\"asOf\": \"2025-07-17\", \"acceptMissingNarratives\": true, \"reason\": \"次回報告\"}")
            .when().post(reports).then().statusCode(201).extract().jsonPath().getLong("id");
        long beforeFigures = given().contentType("application/json").body("{\"name\": \"準備会\", \"fiscalYear\": 2024, "
                + "\"asOf\": \"2025-07-05\", \"acceptMissingNarratives\": true, \"reason\": \"数値の報告前\"}")
            .when().post(reports).then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(page("/plans/" + OPEN + "/reports", 200)).contains("第39回 委員会", "準備会", "/plans/" + OPEN + "/reports/" + asReported,
            reports + "/" + asReported + "/evaluation.csv");
        String fixed = page("/plans/" + OPEN + "/reports/" + asReported, 200);
        assertThat(fixed).contains("<h1 lang=\"ja\">第39回 委員会</h1>", "令和6年度", "sha-256:", "次回報告");
        assertThat(cells(fixed, "kpi-rate")).startsWith("63%", "79%", "71%");
        String early = page("/plans/" + OPEN + "/reports/" + beforeFigures + "?lang=en", 200);
        assertThat(early).contains("Changed since it was fixed", "data-indicator=\"KGI3\"");
        page("/plans/" + OPEN + "/reports/999999", 404);

        // The audit trail is for readers who signed in, as in the API.
        assertThat(page("/plans/" + OPEN + "/audit", 404)).contains("/login?then=%2Fplans%2F" + OPEN + "%2Faudit");
    }

    @Test
    void onlyOpenDataPlansAreShown() {
        String list = page("/", 200);
        assertThat(list).contains("/plans/" + OPEN).doesNotContain(CLOSED);
        assertThat(page("/plans/" + CLOSED, 404)).contains("この計画は公開されていません");
        assertThat(page("/plans/no-such-plan/indicators/KGI3?lang=en", 404)).contains("This plan is not open data");
    }

    @Test
    void signingInGoesToTheRealmsCodeFlow() {
        String location = TestIdentity.as(null).redirects().follow(false).header("Host", "dashboard.planeval.test")
            .when().get("/login?lang=en").then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith("https://planeval.test/realms/planeval/protocol/openid-connect/auth?")
            .contains("client_id=planeval-dashboard", "response_type=code", "code_challenge_method=S256",
                "redirect_uri=http%3A%2F%2Fdashboard.planeval.test%2Flogin");
        // Signing in comes back to the page it was asked from, a plan not open data included.
        assertThat(TestIdentity.as(null).when().get("/plans/" + CLOSED + "/nodes/GI").then().statusCode(404).extract().asString())
            .contains("href=\"/login?then=%2Fplans%2F" + CLOSED + "%2Fnodes%2FGI\"");
        assertThat(page("/", 200)).contains("href=\"/login?then=%2F\"");
        assertThat(page("/plans/" + OPEN + "?fiscalYear=2024&lang=en", 200))
            .contains("href=\"/login?fiscalYear=2024&amp;lang=en&amp;then=%2Fplans%2F" + OPEN + "%3FfiscalYear%3D2024%26lang%3Den\"");
        // The page's own stream is the plan's, for those who may see the plan.
        TestIdentity.as(null).header("Accept", "text/event-stream").when().get("/plans/" + CLOSED + "/stream").then().statusCode(404);
    }

    @Test
    void signingInOrOutUnderAnotherHostIsRefusedBeforeTheRealmIsAsked() {
        for (String path : List.of("/login", "/logout")) {
            TestIdentity.as(null).redirects().follow(false).header("Host", "evil.example:8083").when().get(path)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .header("Location", nullValue())
                .body("violations[0].field", equalTo("Host"));
        }
    }

    @Test
    void scriptsComeFromTheServiceItselfUnderVersionedNamesKeptAYear() {
        TestIdentity.as(null).when().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200);
        TestIdentity.as(null).when().get("/webjars/htmx-ext-sse/sse.js").then().statusCode(200);
        String page = page("/plans/" + OPEN, 200);
        var named = java.util.regex.Pattern.compile("href=\"(/assets/[0-9a-f]{12}/dashboard\\.css)\"").matcher(page);
        assertThat(named.find()).as("the stylesheet under its digest").isTrue();
        TestIdentity.as(null).when().get(named.group(1)).then().statusCode(200).contentType(startsWith("text/css"))
            .header("Cache-Control", "public, max-age=31536000, immutable").body(containsString(".committee"));
        assertThat(page).containsPattern("src=\"/assets/[0-9a-f]{12}/dashboard\\.js\"");
        // A page from before a deployment names an older version: it gets the file as it is now, revalidated.
        TestIdentity.as(null).when().get("/assets/000000000000/dashboard.css").then().statusCode(200).header("Cache-Control", "no-cache");
        TestIdentity.as(null).when().get("/assets/000000000000/application.properties").then().statusCode(404);
        TestIdentity.as(null).when().get("/dashboard.css").then().statusCode(404);
    }

    /** A goal's figures and an indicator's, framed by the listed sites alone; every other page stays unframed. */
    @Test
    void partsOfAnOpenPlanMayBeFramedByTheListedSites() {
        var goal = TestIdentity.as(null).when().get("/embed/plans/" + OPEN + "/goals/GII?fiscalYear=2024").then().statusCode(200)
            .contentType(startsWith("text/html")).extract();
        assertThat(goal.headers().getValues("Content-Security-Policy"))
            .containsExactly("default-src 'self'; img-src 'self' data:; frame-ancestors https://www.pref.gunma.example; base-uri 'none'; form-action 'self'");
        assertThat(goal.headers().hasHeaderWithName("X-Frame-Options")).isFalse();
        assertThat(goal.body().asString()).contains("<dd class=\"kpi-rate\">79%</dd>", "data-indicator=\"KGI3\"",
            "href=\"/plans/" + OPEN + "/nodes/GII?fiscalYear=2024\" target=\"_blank\" rel=\"noopener\"");
        assertThat(TestIdentity.as(null).when().get("/embed/plans/" + OPEN + "/indicators/KGI3?fiscalYear=2024&lang=en").then().statusCode(200)
            .extract().asString()).contains("<html lang=\"en\">", "<dd class=\"attainment\">189%</dd>");
        TestIdentity.as(null).when().get("/embed/plans/" + CLOSED + "/goals/GII").then().statusCode(404);
        TestIdentity.as(null).when().get("/embed/plans/" + OPEN + "/goals/NOWHERE").then().statusCode(404).contentType(startsWith("text/html"));
        TestIdentity.as(null).when().get("/plans/" + OPEN).then().header("X-Frame-Options", "DENY");
    }

    /** The texts of the cells of a class, in page order. */
    static List<String> cells(String html, String cssClass) {
        List<String> texts = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<td class=\"" + cssClass + "\">([^<]*)").matcher(html);
        while (matcher.find()) {
            texts.add(matcher.group(1));
        }
        return texts;
    }
}
