package io.planeval.evaluation.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.evaluation.report.CommitteeReportTest;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.SseClient;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The evaluation stream: each change pushed as it is applied, and nothing lost across a reconnect. */
@QuarkusTest
class StreamTest {

    static final String PLAN = "ev-live";
    static final Duration WAIT = Duration.ofSeconds(20);
    static boolean loaded;

    @TestHTTPResource("/api/v1/plans/" + PLAN + "/evaluation/stream")
    String stream;

    @BeforeEach
    void plan() {
        if (loaded) {
            return;
        }
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(PLAN, true));
        events.addAll(SampleEvents.indicators(PLAN));
        events.addAll(SampleEvents.measurements(PLAN, 70_000));
        KafkaTestProducer.sendAll(events);
        CommitteeReportTest.awaitComplete(PLAN);
        loaded = true;
    }

    @Test
    void aChangeIsPushedAndAClientThatReconnectsGetsWhatItMissed() throws Exception {
        SseClient.Event first;
        try (SseClient client = SseClient.open(stream, Map.of())) {
            revise(2, "30000");
            first = nextEvaluation(client);
            JsonPath change = JsonPath.from(first.data());
            assertThat(change.getString("indicatorCode")).isEqualTo("KGI3");
            assertThat(change.getInt("fiscalYear")).isEqualTo(2024);
            assertThat(change.getString("fiscalYearLabel")).isEqualTo("令和6年度");
            assertThat(change.getString("status")).isEqualTo("not_achieved");
            assertThat(change.getString("statusLabel")).isEqualTo("未達成");
            assertThat(change.getString("attainment.display")).isEqualTo("75%");
            assertThat(change.getString("nodeCode")).isEqualTo("GII");
        }

        // While nobody listens, two more revisions; the client comes back with the last id it saw.
        revise(3, "50000");
        revise(4, "75608");
        awaitAttainment("189%");
        try (SseClient client = SseClient.open(stream, Map.of("Last-Event-ID", first.id()))) {
            List<String> missed = List.of(JsonPath.from(nextEvaluation(client).data()).getString("attainment.display"),
                JsonPath.from(nextEvaluation(client).data()).getString("attainment.display"));
            assertThat(missed).containsExactly("125%", "189%");
        }
        // A page rendered at that position, connecting for the first time, names it in the query instead.
        try (SseClient client = SseClient.open(stream + "?after=" + first.id(), Map.of())) {
            assertThat(JsonPath.from(nextEvaluation(client).data()).getString("attainment.display")).isEqualTo("125%");
        }
    }

    @Test
    void aClientResumingFromAChangeNoLongerKeptIsToldToReload() throws Exception {
        try (SseClient client = SseClient.open(stream, Map.of("Last-Event-ID", "1-1"))) {
            SseClient.Event event = client.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.name()).isEqualTo("reset");
        }
    }

    @Test
    void aLastEventIdThatIsNoIdOfTheStreamIsRefused() {
        given().header("Accept", "text/event-stream").header("Last-Event-ID", "yesterday")
            .when().get(stream)
            .then().statusCode(400).contentType(startsWith("application/problem+json"))
            .body("violations[0].field", equalTo("Last-Event-ID"));
        TestIdentity.as(null).header("Accept", "text/event-stream").when().get("/api/v1/plans/no-such-plan/evaluation/stream")
            .then().statusCode(401);
        given().header("Accept", "text/event-stream").when().get("/api/v1/plans/no-such-plan/evaluation/stream")
            .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static SseClient.Event nextEvaluation(SseClient client) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            SseClient.Event event = client.next(Duration.ofMillis(500));
            if (event != null && event.name().equals("evaluation")) {
                return event;
            }
        }
        throw new AssertionError("No evaluation event within " + WAIT);
    }

    private static void revise(int revision, String value) {
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(PLAN, 70_900 + revision, "KGI3", 2024, revision,
            new BigDecimal(value), null, MeasurementStatus.FINAL, Instant.now())));
    }

    private static void awaitAttainment(String display) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> display.equals(given()
            .when().get("/api/v1/plans/{p}/evaluation/indicators/KGI3?fiscalYear=2024", PLAN)
            .then().extract().path("attainment.display")));
    }
}
