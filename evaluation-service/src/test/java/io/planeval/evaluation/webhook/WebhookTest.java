package io.planeval.evaluation.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;

/** Webhooks through the public API, to a receiver in the test that checks every signature as a subscriber would. */
@QuarkusTest
class WebhookTest {

    static final String PLAN = "ev-hooks";

    /** A request as the receiver saw it. */
    record Received(String id, String timestamp, String signature, byte[] body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();

    /** A receiver that answers 500 to the first delivery of each message, then 200, as one that was down would. */
    private String startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            received.add(new Received(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            int status = refusedOnce.add(id) ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aSubscriberReceivesEachEventSignedAndRetriedUnderOneId() throws Exception {
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(PLAN));
        events.addAll(SampleEvents.indicators(PLAN));
        KafkaTestProducer.sendAll(events);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
            given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators/KGI4?fiscalYear=2024").then().extract().statusCode() == 200);

        // What may not be called is refused, naming the field; nothing is created.
        given().contentType("application/json").body(Map.of("url", "https://10.0.0.1/hook", "eventTypes", List.of("planeval.nope.v1"),
                "planCodes", List.of("no-such-plan")))
            .when().post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
            .body("violations.field", containsInAnyOrder("url", "eventTypes[0]", "planCodes[0]"));
        given().contentType("application/json").body(Map.of("url", "https://169.254.169.254/latest/meta-data", "eventTypes",
                List.of(EventTypes.MEASUREMENT_UPDATED)))
            .when().post("/api/v1/webhooks").then().statusCode(400).body("violations[0].field", equalTo("url"));
        given().contentType("application/json").body(Map.of("url", "http://county.example.jp/hook", "eventTypes", List.of(EventTypes.MEASUREMENT_UPDATED)))
            .when().post("/api/v1/webhooks").then().statusCode(400).body("violations[0].reason", startsWith("is not https"));
        TestIdentity.as(TestIdentity.token("a-reader", null, List.of("reader"))).when().get("/api/v1/webhooks").then().statusCode(403);

        String url = startReceiver();
        JsonNode created = SampleEvents.JSON.readTree(given().contentType("application/json").body(Map.of("url", url,
                "eventTypes", List.of(EventTypes.MEASUREMENT_UPDATED, EventTypes.REPORT_FIXED), "planCodes", List.of(PLAN), "description", "県の財務システム"))
            .when().post("/api/v1/webhooks").then().statusCode(201).extract().asString());
        long id = created.get("id").asLong();
        String secret = created.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        given().when().get("/api/v1/webhooks/" + id).then().statusCode(200).body("description", equalTo("県の財務システム"))
            .body("secret", org.hamcrest.Matchers.nullValue());

        // A figure is posted: the receiver gets it, refuses it once (500), and gets it again with the same id.
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(PLAN, 930_001, "KGI3", 2024, 1, new BigDecimal("75608"), null,
            MeasurementStatus.FINAL, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
        Received first = received.get(0);
        Received again = received.get(1);
        assertThat(again.id()).isEqualTo(first.id());
        for (Received r : received) {
            assertThat(r.signature()).as("signed with the subscription's secret")
                .isEqualTo(WebhookSignature.sign(secret, r.id(), Long.parseLong(r.timestamp()), r.body()));
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp()))).isLessThan(60);
        }
        JsonNode event = SampleEvents.JSON.readTree(first.body());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo(EventTypes.MEASUREMENT_UPDATED);
        assertThat(event.get("id").asText()).isEqualTo(first.id());
        assertThat(event.at("/data/indicatorCode").asText()).isEqualTo("KGI3");
        assertThat(event.at("/data/value").decimalValue()).isEqualByComparingTo("75608");
        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(given().when().get("/api/v1/webhooks/" + id + "/deliveries")
            .then().extract().path("items[0].state")));
        given().when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
            .body("items.answerStatus", org.hamcrest.Matchers.contains(200, 500))
            .body("items.attempt", org.hamcrest.Matchers.contains(2, 1))
            .body("items.messageId", org.hamcrest.Matchers.everyItem(equalTo(first.id())));

        // The committee fixes its report: that event reaches the subscriber too, from evaluation-service's own outbox.
        given().contentType("application/json").body(Map.of("name", "第39回 委員会（テスト）", "fiscalYear", 2024, "acceptMissingNarratives", true,
            "reason", "テスト")).when().post("/api/v1/plans/" + PLAN + "/reports").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(r -> type(r).equals(EventTypes.REPORT_FIXED)));
        JsonNode fixed = SampleEvents.JSON.readTree(received.stream().filter(r -> type(r).equals(EventTypes.REPORT_FIXED)).findFirst().orElseThrow().body());
        assertThat(fixed.at("/data/name").asText()).isEqualTo("第39回 委員会（テスト）");
        assertThat(fixed.at("/data/contentHash").asText()).startsWith("sha-256:");

        // A rotated secret: the next deliveries are signed with the new one and, for a day, the old one beside it.
        String rotated = SampleEvents.JSON.readTree(given().when().post("/api/v1/webhooks/" + id + "/secret").then().statusCode(200)
            .extract().asString()).get("secret").asText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        int before = received.size();
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(PLAN, 930_002, "KGI3", 2024, 2, new BigDecimal("75700"), null,
            MeasurementStatus.FINAL, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() > before);
        Received later = received.get(before);
        assertThat(Arrays.asList(later.signature().split(" "))).containsExactly(
            WebhookSignature.sign(rotated, later.id(), Long.parseLong(later.timestamp()), later.body()),
            WebhookSignature.sign(secret, later.id(), Long.parseLong(later.timestamp()), later.body()));

        given().when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().when().get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    private static String type(Received r) {
        try {
            return SampleEvents.JSON.readTree(r.body()).get("type").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
