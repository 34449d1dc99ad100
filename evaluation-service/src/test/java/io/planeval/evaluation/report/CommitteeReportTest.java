package io.planeval.evaluation.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.EvaluationChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.EvaluationStatus;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.EventContract;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
public class CommitteeReportTest {

    static String raw(String plan, String query) {
        return given().when().get("/api/v1/plans/" + plan + "/evaluation" + query).then().statusCode(200).extract().asString();
    }

    static JsonPath report(String plan, String query) {
        return JsonPath.from(raw(plan, query));
    }

    /** Waits until the plan's report counts every sample KPI (78 with a target, 16 highlights without). */
    public static String awaitComplete(String plan) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            int status = given().when().get("/api/v1/plans/" + plan + "/evaluation").statusCode();
            return status == 200 && report(plan, "").getInt("totals.kpis.total") == 94
                && report(plan, "").getInt("totals.kpis.beingTallied") == 5;
        });
        return raw(plan, "");
    }

    static void assertCommitteeFigures(String raw) {
        JsonPath report = JsonPath.from(raw);
        assertThat(report.getList("goals.code")).containsExactly("GI", "GII", "GIII");
        assertThat(report.getList("goals.kpis.achieved")).containsExactly(12, 15, 25);
        assertThat(report.getList("goals.kpis.notAchieved")).containsExactly(7, 4, 10);
        assertThat(report.getList("goals.kpis.beingTallied")).containsExactly(1, 3, 1);
        assertThat(report.getList("goals.kpiAchievementRate.display")).containsExactly("63%", "79%", "71%");
        // Exact in the JSON itself (a JsonPath reads numbers as floats).
        assertThat(raw).contains("\"kpiAchievementRate\":{\"percent\":63.1578947368,\"display\":\"63%\"}");
        assertThat(report.getList("goals[0].kgis.code")).containsExactly("KGI1", "KGI2");
        assertThat(report.getList("goals[0].kgis.status")).containsExactly("not_achieved", "being_tallied");
        assertThat(report.getString("goals[0].kgis[0].attainment.display")).isEqualTo("74%");
        assertThat(report.getString("goals[0].kgiAttainment.display")).isEqualTo("74%");
        assertThat(report.getList("goals[1].kgis.attainment.display")).containsExactly("189%", "24.2%");
        assertThat(report.getString("goals[1].kgis[0].working.formula")).isEqualTo("75608 ÷ 40000 = 189.02%");
        assertThat(report.getString("goals[2].kgis[0].attainment.display")).isEqualTo("100%");
        assertThat(report.getString("goals[2].kgis[0].statusLabel")).isEqualTo("達成");
        assertThat(report.getList("goals.unachievedKpis").stream().mapToInt(l -> ((List<?>) l).size()).toArray()).containsExactly(7, 4, 10);
        assertThat(report.getInt("totals.kpis.notAchieved")).isEqualTo(21);
        assertThat(report.getList("goals[1].unachievedKpis.target")).contains(10);
        assertThat(report.getList("goals[1].unachievedKpis.actual")).contains(12.9f);
        assertThat(report.getString("totals.kpiAchievementRate.display")).isEqualTo("71%");
    }

    @Test
    void reproducesTheCommitteesR2R6TableFromTheSampleData() {
        String plan = "ev-committee";
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(plan));
        events.addAll(SampleEvents.indicators(plan));
        events.addAll(SampleEvents.measurements(plan, 1_000));
        KafkaTestProducer.sendAll(events);

        assertCommitteeFigures(awaitComplete(plan));
        JsonPath overtime = JsonPath.from(given().when().get("/api/v1/plans/" + plan + "/evaluation/nodes/GII").asString());
        assertThat(overtime.getList("unachievedKpis.name")).contains("職員1人あたりの時間外勤務時間数（月間）");
        given().when().get("/api/v1/plans/" + plan + "/evaluation/indicators/GII-KPI-N03").then().statusCode(200)
            .body("status", equalTo("not_achieved"))
            .body("working.method", equalTo("inverse_ratio"))
            .body("working.formula", equalTo("10 ÷ 12.9 = 77.52%"))
            .body("working.target.value", equalTo(10))
            .body("working.actual.revision", equalTo(1));
    }

    @Test
    void eventsInAnyOrderAndDeliveredTwiceGiveTheSameResult() {
        String plan = "ev-shuffled";
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(plan));
        events.addAll(SampleEvents.indicators(plan));
        events.addAll(SampleEvents.measurements(plan, 2_000));
        List<TestEvent> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, 60));
        shuffled.addAll(events.subList(events.size() - 40, events.size()));
        Collections.shuffle(shuffled, new Random(39));
        // Measurements first, then definitions, the plan last: each must wait for the others and then count.
        shuffled.sort((a, b) -> Integer.compare(rank(b.topic()), rank(a.topic())));
        KafkaTestProducer.sendAll(shuffled);

        assertCommitteeFigures(awaitComplete(plan));
    }

    private static int rank(String topic) {
        return topic.equals(Topics.PLANS) ? 0 : topic.equals(Topics.INDICATORS) ? 1 : 2;
    }

    @Test
    void aLaterCorrectionChangesTheCurrentAnswerButNotTheOneAsOfBefore() {
        String plan = "ev-asof";
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(plan));
        events.addAll(SampleEvents.indicators(plan));
        events.addAll(SampleEvents.measurements(plan, 3_000));
        KafkaTestProducer.sendAll(events);
        awaitComplete(plan);

        Instant corrected = Instant.parse("2025-08-01T00:00:00Z");
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(plan, 3_999, "KGI2", 2024, 2, new BigDecimal("52000"), null,
            MeasurementStatus.FINAL, corrected)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
            "achieved".equals(report(plan, "").getString("goals[0].kgis[1].status")));

        JsonPath now = report(plan, "");
        assertThat(now.getString("goals[0].kgis[1].attainment.display")).isEqualTo("104%");
        String committee = raw(plan, "?asOf=2025-07-17");
        assertThat(JsonPath.from(committee).getString("goals[0].kgis[1].status")).isEqualTo("being_tallied");
        assertCommitteeFigures(committee);
        JsonPath beforeAnything = JsonPath.from(given().queryParam("asOf", "2025-07-05T00:00:00Z")
            .when().get("/api/v1/plans/" + plan + "/evaluation").then().statusCode(200).extract().asString());
        assertThat(beforeAnything.getInt("totals.kpis.beingTallied")).isEqualTo(78);

        given().queryParam("from", "2025-07-17").queryParam("to", "2025-08-02")
            .when().get("/api/v1/plans/" + plan + "/evaluation/changes").then().statusCode(200)
            .body("items.code", equalTo(List.of("KGI2")))
            .body("items[0].from.status", equalTo("being_tallied"))
            .body("items[0].to.status", equalTo("achieved"))
            .body("items[0].to.attainment.display", equalTo("104%"));
        // Without to: up to now.
        given().queryParam("from", "2025-07-17").when().get("/api/v1/plans/" + plan + "/evaluation/changes")
            .then().statusCode(200).body("items.code", equalTo(List.of("KGI2")));
        given().queryParam("to", "2025-07-17").when().get("/api/v1/plans/" + plan + "/evaluation/changes")
            .then().statusCode(400).contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("from"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(KafkaTopicReader.readAll(Topics.EVALUATIONS).stream()
            .filter(r -> plan.equals(r.key()))
            .map(r -> readChange(r.value()))
            .filter(e -> e.indicatorCode().equals("KGI2") && e.fiscalYear() == 2024 && e.status() == EvaluationStatus.ACHIEVED))
            .singleElement()
            .extracting(EvaluationChanged::previousStatus).isEqualTo(EvaluationStatus.BEING_TALLIED));
        // Every evaluation-changed event published matches its schema in contracts/.
        assertThat(EventContract.assertPublishedMatch(Topics.EVALUATIONS, "/planeval/evaluation-service")).isPositive();
    }

    static EvaluationChanged readChange(String json) {
        try {
            return SampleEvents.JSON.readValue(json, EvaluationChanged.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCommitteeTableOpensInExcel() {
        String plan = "ev-csv";
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(plan));
        events.addAll(SampleEvents.indicators(plan));
        events.addAll(SampleEvents.measurements(plan, 4_000));
        KafkaTestProducer.sendAll(events);
        awaitComplete(plan);

        byte[] body = given().when().get("/api/v1/plans/" + plan + "/evaluation.csv").then().statusCode(200)
            .contentType(startsWith("text/csv")).extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("goalCode,goalLabel,goalTitle,kind,indicatorCode,indicatorName,unit,fiscalYear,fiscalYearLabel");
        assertThat(lines).hasSize(1 + 99);
        assertThat(lines).anySatisfy(line -> assertThat(line)
            .isEqualTo("GII,目標Ⅱ,職員の能力を最大化できる働き方改革,KGI,KGI3,デジタル化推進等による省力化時間,時間/年,2024,令和6年度,,,40000,,75608,,achieved,達成,189.0200,189%,1,2025-07-10T00:00:00Z,,"));
    }
}
