package io.planeval.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The committee's year: its written evaluation, a reporting season (review, causes, evidence), a report fixed and a
 * year locked, then a plan that continues this one. One scenario of the
 * committee's shared system ({@link CommitteeScenario}).
 */
@Order(7)
class CommitteeYearTest extends CommitteeScenario {

    @Test
    @Order(12)
    void theSampleCarriesTheCommitteesWrittenEvaluationOfEachGoal() throws Exception {
        JsonNode source = Api.JSON.readTree(getClass().getResourceAsStream(SOURCE));
        JsonNode report = report();
        for (JsonNode evaluation : source.get("evaluations")) {
            String goal = evaluation.get("goal").asText();
            JsonNode narrative = null;
            for (JsonNode g : report.get("goals")) {
                if (g.get("code").asText().equals(goal)) {
                    narrative = g.get("narrative");
                }
            }
            assertThat(narrative).as("the narrative of %s", goal).isNotNull();
            assertThat(narrative.get("evaluation").asText()).as("（３）評価 of %s", goal)
                .isEqualTo(String.join("\n", texts(evaluation.get("paragraphs"), "text")));
            List<String> names = new ArrayList<>();
            source.get("highlight_indicators").forEach(h -> {
                if (h.get("goal").asText().equals(goal)) {
                    names.add(h.get("name").asText());
                }
            });
            List<String> highlights = new ArrayList<>();
            narrative.get("highlights").forEach(line -> highlights.add(line.asText()));
            assertThat(highlights).as("highlights of %s", goal).hasSameSizeAs(names);
            for (int i = 0; i < names.size(); i++) {
                assertThat(highlights.get(i)).startsWith(names.get(i));
            }
        }
    }

    @Test
    @Order(13)
    void aReportingSeasonPostsReturnsApprovesAndExplainsEveryMissBeforeTheReportIsFixed() {
        // A plan that requires review: a department posts, its steward returns the figure, then approves the correction.
        String reviewed = "/api/v1/plans/e2e-reviewed";
        Api.Reply planned = Api.send("PUT", system.plans.url() + reviewed, "application/json", """
            {"title": "審査付きの計画", "firstFiscalYear": 2024, "lastFiscalYear": 2025, "levels": ["目標"], "status": "active",
             "review": "required", "nodes": [{"code": "G1", "label": "目標１", "title": "働き方改革", "level": 1}]}""");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(indicators.url() + reviewed + "/indicators").status() == 200);
        Api.Reply defined = Api.send("PUT", indicators.url() + reviewed + "/indicators/K1", "application/json", """
            {"nodeCode": "G1", "kind": "kgi", "name": "職員負担軽減時間", "unit": "時間/年", "target": {"value": 1000000, "fiscalYear": 2024},
             "direction": "higher_is_better", "organisation": "sample-org-a"}""");
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        String reporterA = system.keycloak.token("sample-reporter-a");
        String stewardA = system.keycloak.token("sample-steward-a");
        String measurements = indicators.url() + reviewed + "/indicators/K1/measurements";
        Api.Reply posted = Api.sendAs(reporterA, "POST", measurements, "application/json", "{\"fiscalYear\": 2024, \"value\": 242310000, \"status\": \"final\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().at("/review/state").asText()).isEqualTo("submitted");
        String k1 = evaluation.url() + reviewed + "/evaluation/indicators/K1?fiscalYear=2024";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Api.getJson(k1).at("/pending/revision").asInt() == 1);
        assertThat(Api.getJson(k1).get("status").asText()).as("nothing counts before approval").isEqualTo("being_tallied");
        JsonNode queue = Api.sendAs(stewardA, "GET", indicators.url() + reviewed + "/reviews", null, null).json();
        assertThat(queue.at("/items/0/id").asLong()).isEqualTo(posted.json().get("id").asLong());
        Api.Reply returned = Api.sendAs(stewardA, "POST", measurements + "/" + posted.json().get("id").asLong() + "/review", "application/json",
            "{\"decision\": \"returned\", \"reason\": \"単位が時間ではなく分で入力されています\"}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        Api.Reply corrected = Api.sendAs(reporterA, "POST", measurements, "application/json", "{\"fiscalYear\": 2024, \"value\": 242310, \"status\": \"final\"}");
        assertThat(Api.sendAs(reporterA, "POST", measurements + "/" + corrected.json().get("id").asLong() + "/review", "application/json",
            "{\"decision\": \"approved\"}").status()).as("a reporter does not approve").isEqualTo(403);
        Api.Reply approved = Api.sendAs(stewardA, "POST", measurements + "/" + corrected.json().get("id").asLong() + "/review",
            "application/json", "{\"decision\": \"approved\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.getJson(k1).at("/working/actual/revision").asInt() == 2);
        JsonNode counted = Api.getJson(k1);
        assertThat(counted.get("status").asText()).isEqualTo("not_achieved");
        assertThat(counted.at("/working/actual/review/decidedBy/client").asText()).isEqualTo("sample-steward-a");
        assertThat(counted.get("pending").isNull() || counted.get("pending").isMissingNode()).isTrue();

        // The committee cannot fix its R6 report while misses are unexplained; each is named.
        String plan = "/api/v1/plans/" + PLAN;
        String name = "{\"name\": \"第39回 行財政改革評価・推進委員会\", \"fiscalYear\": 2024}";
        Api.Reply refused = Api.post(evaluation.url() + plan + "/reports", name);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        List<String> misses = texts(refused.json().get("violations"), "field");
        assertThat(misses).contains("KGI4");
        // Organisation A explains KGI④ with evidence; organisation B may not; the secretariat explains the rest.
        String kgi4 = evaluation.url() + plan + "/evaluation/indicators/KGI4/narratives/2024";
        String causes = "{\"causes\": \"業務量の増加により、削減効果が相殺された\", \"actions\": \"RPAの対象業務を拡大する\"}";
        assertThat(Api.sendAs(system.keycloak.token("sample-reporter-b"), "PUT", kgi4, "application/json", causes).status()).isEqualTo(403);
        Api.Reply explained = Api.sendAs(reporterA, "PUT", kgi4, "application/json", causes);
        assertThat(explained.status()).as(explained.body()).isEqualTo(201);
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Api.Reply evidence = Api.sendBytes(reporterA, evaluation.url() + plan + "/attachments?indicator=KGI4&fiscalYear=2024&fileName="
            + URLEncoder.encode("要因分析_KGI4.pdf", StandardCharsets.UTF_8), "application/pdf", pdf);
        assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
        for (String code : misses) {
            if (!code.equals("KGI4")) {
                Api.Reply written = Api.send("PUT", evaluation.url() + plan + "/evaluation/indicators/" + code + "/narratives/2024",
                    "application/json", "{\"causes\": \"" + code + "の要因分析\"}");
                assertThat(written.status()).as(written.body()).isEqualTo(201);
            }
        }
        assertThat(kgi(report(), "KGI4").get("causes").asText()).isEqualTo("業務量の増加により、削減効果が相殺された");
    }

    @Test
    @Order(14)
    void theCommitteeFixesItsReportLocksTheYearAndSeesACorrectionAsAChangeSince() throws IOException, InterruptedException {
        String plan = "/api/v1/plans/" + PLAN;
        Api.Reply fixed = Api.post(evaluation.url() + plan + "/reports",
            "{\"name\": \"第39回 行財政改革評価・推進委員会\", \"fiscalYear\": 2024}");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
        assertThat(fixed.json().at("/attachments/0/fileName").asText()).isEqualTo("要因分析_KGI4.pdf");
        assertThat(fixed.json().get("unexplainedMisses").isNull() || fixed.json().get("unexplainedMisses").isMissingNode()).isTrue();
        committeePackReadsAsTheCommitteesSlides(evaluation.url() + fixed.header("Location") + "/pack?format=pdf");
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

        await().atMost(Duration.ofSeconds(30)).until(() -> texts(Api.getJson(report + "/changes").get("items"), "code").contains("KGI3"));
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

    /**
     * The fixed report's PDF, read with poppler-utils as anybody's tools would: its text holds the committee's figures,
     * every font is embedded, and a goal's page renders (the README's docs/committee-pack.png is one such page).
     */
    private void committeePackReadsAsTheCommitteesSlides(String url) throws IOException, InterruptedException {
        Path screenshots = Processes.ROOT.resolve("e2e-tests/target/screenshots");
        Files.createDirectories(screenshots);
        Path pdf = screenshots.resolve("committee-pack.pdf");
        Files.write(pdf, Api.getBytes(url));
        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("第39回 行財政改革評価・推進委員会", "63%", "79%", "71%", "189%", "24.2%", "集計中", "評価");
        List<String> fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(fonts).isNotEmpty().allSatisfy(line -> assertThat(line).as("embedded: %s", line).containsPattern("\\s+yes\\s+yes\\s+"));
        run("pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", "-singlefile", pdf.toString(), screenshots.resolve("committee-pack").toString());
        assertThat(Files.size(screenshots.resolve("committee-pack.png"))).isGreaterThan(10_000);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
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
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> Api.getJson(lineage).at("/series/5/value").asInt() == 80000);
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
}
