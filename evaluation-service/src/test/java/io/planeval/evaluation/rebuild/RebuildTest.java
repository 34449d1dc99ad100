package io.planeval.evaluation.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.planeval.contracts.EventTypes;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.evaluation.readmodel.RebuildGate;
import io.planeval.evaluation.report.CommitteeReportTest;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RebuildTest {

    @Inject
    RebuildGate gate;

    @Inject
    AgroalDataSource dataSource;

    static String report(String plan, String query) {
        return given().when().get("/api/v1/plans/" + plan + "/evaluation" + query).then().statusCode(200).extract().asString();
    }

    @Test
    void aRebuildFromTheTopicsEqualsTheIncrementalResult() throws Exception {
        String plan = "ev-rebuild";
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(plan));
        events.addAll(SampleEvents.indicators(plan));
        events.addAll(SampleEvents.measurements(plan, 9_000));
        // A correction and a redelivery: the rebuild must keep the revision in force and drop the duplicate.
        MeasurementUpdated correction = new MeasurementUpdated(9_999, plan, "KGI1", 2024, null, null, 2,
            new BigDecimal("22.17"), null, MeasurementStatus.FINAL, null, null, "test", null, "集計誤りの訂正", null, Instant.parse("2025-08-01T00:00:00Z"), null, null);
        TestEvent corrected = new TestEvent(Topics.MEASUREMENTS, plan, EventTypes.MEASUREMENT_UPDATED,
            SampleEvents.write(correction));
        events.add(corrected);
        events.add(corrected);
        KafkaTestProducer.sendAll(events);
        await().atMost(Duration.ofSeconds(60)).until(() ->
            given().when().get("/api/v1/plans/" + plan + "/evaluation/indicators/KGI1").statusCode() == 200
                && report(plan, "").contains("\"formula\":\"22.17 ÷ 30 = 73.90%\"")
                && report(plan, "").contains("\"kpis\":{\"achieved\":52,\"notAchieved\":21,\"beingTallied\":5,\"noTarget\":16,\"total\":94}"));

        String incremental = report(plan, "");
        String committee = report(plan, "?asOf=2025-07-17");
        String csv = given().when().get("/api/v1/plans/" + plan + "/evaluation.csv").then().extract().asString();

        ReadModelRebuild.Result result = given().when().post("/api/v1/admin/rebuild").then().statusCode(200)
            .extract().as(ReadModelRebuild.Result.class);
        assertThat(result.events()).isGreaterThanOrEqualTo(events.size());
        assertThat(result.plans()).isGreaterThanOrEqualTo(1);

        assertThat(report(plan, "").equals(incremental)).as("current report equal after rebuild").isTrue();
        assertThat(report(plan, "?asOf=2025-07-17").equals(committee)).as("report as of 2025-07-17 equal after rebuild").isTrue();
        assertThat(given().when().get("/api/v1/plans/" + plan + "/evaluation.csv").then().extract().asString().equals(csv))
            .as("committee CSV equal after rebuild").isTrue();
    }

    /**
     * A rebuild from the same events computes the same results: none is written again or logged as a change (the live
     * streams would replay them all), and a result nothing computes any more is removed.
     */
    @Test
    void aRebuildLogsNoChangeWhereNothingChangedAndDropsWhatIsNoLongerComputed() throws Exception {
        String plan = "ev-rebuild-quiet";
        KafkaTestProducer.sendAll(SampleEvents.all(plan, 500_000));
        String before = CommitteeReportTest.awaitComplete(plan);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO recalculated_result (plan_code, indicator_code, fiscal_year, status, attainment, evaluated_at) "
                + "VALUES ('" + plan + "', 'GONE', 2024, 'achieved', 100, now())");
        }
        long changesBefore = count("evaluation_change WHERE plan_code = '" + plan + "'");
        long resultsBefore = count("recalculated_result WHERE plan_code = '" + plan + "'");

        given().when().post("/api/v1/admin/rebuild").then().statusCode(200);

        assertThat(count("evaluation_change WHERE plan_code = '" + plan + "'")).as("changes logged").isEqualTo(changesBefore);
        assertThat(count("recalculated_result WHERE plan_code = '" + plan + "' AND indicator_code = 'GONE'")).as("the stray result").isZero();
        assertThat(count("recalculated_result WHERE plan_code = '" + plan + "'")).isEqualTo(resultsBefore - 1);
        assertThat(report(plan, "")).isEqualTo(before);
    }

    private long count(String from) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void readersKeepGettingThePreviousModelWhileARebuildRuns() throws Exception {
        String plan = "ev-rebuild-readers";
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(plan));
        events.addAll(SampleEvents.indicators(plan));
        for (int i = 0; i < 40; i++) {
            events.addAll(SampleEvents.measurements(plan, 200_000 + i * 1_000L, i + 1));
        }
        KafkaTestProducer.sendAll(events);
        // Everything applied: the last revision of each of the node's figures is in force (events arrive in batches); a
        // figure derived from its members' has none of its own (revision 0).
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> given().when()
            .get("/api/v1/plans/" + plan + "/evaluation/nodes/GI?asOf=2025-07-17").then().extract().jsonPath()
            .getList("indicators.working.actual.revision", Integer.class).stream().allMatch(revision -> revision == 40 || revision == 0));
        String node = given().when().get("/api/v1/plans/" + plan + "/evaluation/nodes/GI?asOf=2025-07-17").then().extract().asString();

        CompletableFuture<Integer> rebuild = CompletableFuture.supplyAsync(() ->
            given().when().post("/api/v1/admin/rebuild").then().extract().statusCode());
        List<Integer> statuses = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        while (!rebuild.isDone()) {
            var response = given().when().get("/api/v1/plans/" + plan + "/evaluation/nodes/GI?asOf=2025-07-17").then().extract();
            statuses.add(response.statusCode());
            if (response.statusCode() == 200 && !response.asString().equals(node)) {
                differing.add(response.asString());
            }
        }
        assertThat(rebuild.get()).isEqualTo(200);
        assertThat(statuses).as("reads during the rebuild").isNotEmpty().containsOnly(200);
        assertThat(differing).as("answers that differ from before the rebuild").isEmpty();
    }

    /**
     * A batch another instance is applying holds the rebuild gate on its own database connection: a rebuild here
     * waits for it to commit, so no batch of any instance lands in a half-emptied model.
     */
    @Test
    void aRebuildWaitsForABatchInFlightOnAnotherConnection() throws Exception {
        CompletableFuture<Void> otherInstanceBatchDone = new CompletableFuture<>();
        CompletableFuture<Void> otherInstanceInBatch = new CompletableFuture<>();
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            gate.enter();
            otherInstanceInBatch.complete(null);
            otherInstanceBatchDone.join();
        }));
        otherInstanceInBatch.get(10, TimeUnit.SECONDS);
        CompletableFuture<Integer> rebuild = CompletableFuture.supplyAsync(() ->
            given().when().post("/api/v1/admin/rebuild").then().extract().statusCode());
        // The rebuild waits for the batch in flight, for as long as it is in flight.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !rebuild.isDone());

        otherInstanceBatchDone.complete(null);
        otherInstance.get(10, TimeUnit.SECONDS);
        assertThat(rebuild.get(120, TimeUnit.SECONDS)).isEqualTo(200);
    }
}
