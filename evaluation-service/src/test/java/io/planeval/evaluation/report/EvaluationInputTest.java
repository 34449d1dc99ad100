package io.planeval.evaluation.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.BadInputSweep;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.TableDigest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Questions asked badly get a clear refusal; questions asked well get answers that are safe to open and consistent. */
@QuarkusTest
class EvaluationInputTest {

    static String samplePlan(String plan) {
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(plan));
        events.addAll(SampleEvents.indicators(plan));
        // Measurement ids are unique across plans, as indicator-service gives them out: each plan its own range.
        events.addAll(SampleEvents.measurements(plan, 10_000_000 + Math.abs(plan.hashCode() % 1000) * 1000L));
        KafkaTestProducer.sendAll(events);
        return CommitteeReportTest.awaitComplete(plan);
    }

    @Inject
    DataSource dataSource;

    @Test
    void noBadInputToFixingAReportBreaksTheServiceOrStoresAnything() {
        samplePlan("ev-report-sweep");
        String url = "/api/v1/plans/ev-report-sweep/reports";
        Supplier<String> stored = TableDigest.of(dataSource, "committee_report(id, plan_code, name, fiscal_year, as_of, content_hash)");
        String before = stored.get();
        for (String blank : List.of("\"\"", "\"   \"")) {
            given().contentType("application/json").body("{\"name\": \"第39回\", \"fiscalYear\": 2024, \"asOf\": " + blank + "}")
                .when().post(url).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("asOf"));
        }
        given().contentType("application/json").body("{\"name\": \"第39回\", \"fiscalYear\": 2024, \"approvedBy\": \"委員長\"}")
            .when().post(url).then().statusCode(400).body("violations[0].field", equalTo("approvedBy"));
        assertThat(stored.get()).isEqualTo(before);
        int sent = BadInputSweep.sweep(new BadInputSweep.Endpoint("POST", url, "application/json",
            "{\"name\": \"第39回 行財政改革評価・推進委員会\", \"fiscalYear\": 2024, \"asOf\": \"2025-07-17\", "
                + "\"acceptMissingNarratives\": true, \"reason\": \"要因分析は次回報告\"}",
            Set.of("fiscalYear")), stored);
        assertThat(sent).isGreaterThan(40);
    }

    @Test
    void noBadInputToWritingNarrativesBreaksTheServiceOrStoresAnything() {
        samplePlan("ev-words-sweep");
        String base = "/api/v1/plans/ev-words-sweep/evaluation";
        Supplier<String> stored = TableDigest.of(dataSource, "narrative_revision", "plan_generation");
        int sent = BadInputSweep.sweep(new BadInputSweep.Endpoint("PUT", base + "/nodes/GII/narratives/2024", "application/json",
            "{\"evaluation\": \"職員負担軽減時間はKGI目標達成に至らなかったが、…に取り組んだ。\", "
                + "\"highlights\": [\"管理職に占める女性職員の割合 14.9 ％（R1） → 22.7 ％（R6）\"]}", Set.of()), stored);
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("PUT", base + "/indicators/KGI4/narratives/2024", "application/json",
            "{\"causes\": \"業務量の増加により、削減効果が相殺された\", \"actions\": \"RPAの対象業務を拡大する\"}", Set.of()), stored);
        assertThat(sent).isGreaterThan(60);
    }

    @Test
    void noBadInputToTheSeasonsDirectoryOrWebhooksBreaksTheServiceOrStoresAnything() {
        samplePlan("ev-season-sweep");
        Supplier<String> stored = TableDigest.of(dataSource, "reporting_calendar", "organisation", "webhook");
        int sent = BadInputSweep.sweep(new BadInputSweep.Endpoint("PUT", "/api/v1/plans/ev-season-sweep/calendar/2024", "application/json",
            "{\"dueDate\": \"2025-06-30\", \"remindBefore\": [10, 3], \"remindAfter\": [1, 5], \"indicatorDueDates\": {\"KGI2\": \"2025-08-29\"}}",
            Set.of()), stored);
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("PUT", "/api/v1/organisations/sweep-org", "application/json",
            "{\"name\": \"総務部 業務プロセス改革課\", \"contacts\": [\"gyokaku@example.jp\"], \"language\": \"ja\"}", Set.of()), stored);
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("POST", "/api/v1/webhooks", "application/json",
            "{\"url\": \"http://127.0.0.1:9/hook\", \"eventTypes\": [\"planeval.report.fixed.v1\"], \"planCodes\": [\"ev-season-sweep\"], "
                + "\"description\": \"県の財務システム\"}", Set.of()), stored);
        assertThat(sent).isGreaterThan(90);
    }

    @Test
    void unreadableQueryParametersAre400NotNotFound() {
        samplePlan("ev-query");
        String url = "/api/v1/plans/ev-query/evaluation";
        given().queryParam("fiscalYear", "abc").when().get(url).then().statusCode(400)
            .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("fiscalYear"));
        given().queryParam("fiscalYear", "2024.0").when().get(url + "/nodes/GI").then().statusCode(400);
        given().queryParam("fiscalYear", "abc").when().get(url + ".csv").then().statusCode(400);
        given().queryParam("asOf", "yesterday").when().get(url).then().statusCode(400).body("violations[0].field", equalTo("asOf"));
        given().queryParam("asOf", "+300000-01-01T00:00:00Z").when().get(url).then().statusCode(400)
            .body("violations[0].reason", startsWith("+300000-01-01T00:00:00Z is not a moment from 1900 to 2200"));
        given().queryParam("asOf", "0000-01-01").when().get(url + "/indicators/KGI1").then().statusCode(400);
        given().queryParam("from", "2025-07-17").queryParam("to", "x").when().get(url + "/changes").then().statusCode(400)
            .body("violations[0].field", equalTo("to"));
    }

    @Test
    void aMomentJustBeforeARevisionDoesNotIncludeIt() {
        String plan = "ev-precision";
        samplePlan(plan);
        Instant recorded = Instant.parse("2025-08-01T00:00:00.000001Z");
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(plan, 99_999, "KGI2", 2024, 2, new BigDecimal("52000"),
            null, MeasurementStatus.FINAL, recorded)));
        String kgi2 = "/api/v1/plans/" + plan + "/evaluation/indicators/KGI2";
        await().atMost(Duration.ofSeconds(30)).until(() ->
            "achieved".equals(given().when().get(kgi2).then().extract().jsonPath().getString("status")));
        // One nanosecond before: cut to the microsecond, not rounded up to the revision's own instant.
        given().queryParam("asOf", recorded.minusNanos(1).toString()).when().get(kgi2).then().statusCode(200)
            .body("status", equalTo("being_tallied"));
        given().queryParam("asOf", recorded.toString()).when().get(kgi2).then().statusCode(200)
            .body("status", equalTo("achieved"));
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralisedAndNumbersAreNot() {
        String plan = "ev-formula";
        samplePlan(plan);
        ObjectNode definition = (ObjectNode) SampleEvents.read(SampleEvents.SAMPLES.resolve("indicators/gunma-r2-r6/GIII-HL01.json"));
        definition.put("name", "=HYPERLINK(\"http://evil.example\",\"基礎的財政収支\")");
        definition.put("unit", "@億円");
        KafkaTestProducer.sendAll(List.of(SampleEvents.indicator(plan, "GIII-HL01", definition, 2, Instant.parse("2025-07-02T00:00:00Z")),
            SampleEvents.measurement(plan, 98_765, "GIII-HL01", 2024, 1, new BigDecimal("-25.5"), null, MeasurementStatus.FINAL,
                Instant.parse("2025-07-11T00:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> csv(plan).contains("HYPERLINK"));
        String row = csv(plan).lines().filter(line -> line.contains("HYPERLINK")).findFirst().orElseThrow();
        assertThat(row).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"基礎的財政収支\"\")\",\"'@億円\",")
            .contains(",-25.5,");
        assertThat(row).doesNotContain(",=", ",@");
    }

    static String csv(String plan) {
        return given().when().get("/api/v1/plans/" + plan + "/evaluation.csv").then().statusCode(200).extract().asString();
    }

    @Test
    void anIndicatorWhoseNodeWasDeletedCountsNowhereAndTheTotalsAgreeWithTheGoals() {
        String plan = "ev-detached";
        samplePlan(plan);
        JsonPath before = CommitteeReportTest.report(plan, "");
        int goalIIIKpis = before.getInt("goals[2].kpis.total");
        PlanChanged withoutGoalIII = planWithout(plan, "GIII");
        KafkaTestProducer.sendAll(List.of(new TestEvent(Topics.PLANS, plan, EventTypes.PLAN_CHANGED, SampleEvents.write(withoutGoalIII))));
        await().atMost(Duration.ofSeconds(30)).until(() -> CommitteeReportTest.report(plan, "").getInt("planVersion") == 2);
        JsonPath after = CommitteeReportTest.report(plan, "");
        assertThat(after.getList("goals.code")).containsExactly("GI", "GII");
        int goalsTotal = after.getList("goals.kpis.total", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertThat(after.getInt("totals.kpis.total")).isEqualTo(goalsTotal).isEqualTo(before.getInt("totals.kpis.total") - goalIIIKpis);
        assertThat(csv(plan)).doesNotContain("GIII-KPI");
        // As of before the deletion, the committee's view is unchanged.
        assertThat(CommitteeReportTest.report(plan, "?asOf=2025-07-17").getInt("totals.kpis.total")).isEqualTo(94);
    }

    static PlanChanged planWithout(String plan, String goal) {
        PlanChanged full = read(SampleEvents.plan(plan).json());
        List<PlanChanged.Node> kept = full.plan().nodes().stream().filter(n -> !n.code().equals(goal)).toList();
        return new PlanChanged(plan, 2, Instant.parse("2025-08-01T00:00:00Z"), null, new PlanChanged.Plan(plan, full.plan().title(),
            null, full.plan().firstFiscalYear(), full.plan().lastFiscalYear(), full.plan().levels(), null, PlanStatus.ACTIVE, false, null, null, kept));
    }

    static PlanChanged read(String json) {
        try {
            return SampleEvents.JSON.readValue(json, PlanChanged.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
