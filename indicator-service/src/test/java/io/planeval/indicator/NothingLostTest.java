package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.Topics;
import io.planeval.support.events.CloudEventHeaders;
import io.planeval.support.outbox.OutboxEvent;
import io.planeval.support.outbox.OutboxRelay;
import io.planeval.testsupport.KafkaTopicReader;
import io.planeval.testsupport.TestKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What a county system got a 201 for reaches Kafka, exactly once in effect, whatever fails in between. */
@QuarkusTest
class NothingLostTest {

    static final String PLAN = "ind-outage";

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void indicator() {
        TestPlans.publishR2R6Shaped(PLAN);
        TestPlans.define(PLAN, "KGI3", TestPlans.kgi3());
    }

    @AfterEach
    void everythingBack() {
        TestKafkaBroker.shared().start();
        relay.start();
    }

    static void postMeasurements(int fiscalYear, int count) {
        for (int i = 0; i < count; i++) {
            given().contentType("application/json").body("{\"fiscalYear\": " + fiscalYear + ", \"value\": " + i + ", \"status\": \"preliminary\"}")
                .when().post("/api/v1/plans/{p}/indicators/KGI3/measurements", PLAN).then().statusCode(201);
        }
    }

    /** Events of this plan for one fiscal year, by CloudEvents id; fails on a duplicate id. */
    static Map<String, MeasurementUpdated> published(int fiscalYear) {
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readAll(Topics.MEASUREMENTS).stream()
            .filter(r -> PLAN.equals(r.key()))
            .filter(r -> read(r.value()).fiscalYear() == fiscalYear)
            .toList();
        return records.stream().collect(Collectors.toMap(
            r -> CloudEventHeaders.read(r.headers(), CloudEventHeaders.ID).orElseThrow(),
            r -> read(r.value()),
            (a, b) -> { throw new AssertionError("event published twice: " + a); }));
    }

    static MeasurementUpdated read(String json) {
        try {
            return TestPlans.JSON.readValue(json, MeasurementUpdated.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long unpublished() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("publishedAt is null and parkedAt is null"));
    }

    @Test
    void measurementsPostedWhileKafkaIsDownAreAllPublishedOnceWhenItIsBack() {
        TestKafkaBroker.shared().stop();
        postMeasurements(2021, 1000);
        assertThat(unpublished()).isGreaterThanOrEqualTo(1000);

        TestKafkaBroker.shared().start();
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished() == 0);
        Map<String, MeasurementUpdated> events = published(2021);
        assertThat(events).hasSize(1000);
        assertThat(events.values().stream().map(MeasurementUpdated::revision).collect(Collectors.toSet()))
            .hasSize(1000).contains(1, 1000);
    }

    @Test
    void measurementsCommittedButNotYetRelayedWhenTheServiceStopsArePublishedAfterTheRestart() {
        // What earlier tests wrote is out first, so that what waits below is exactly what this test posts.
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        relay.stop();
        postMeasurements(2022, 50);
        assertThat(unpublished()).isEqualTo(50);
        assertThat(published(2022)).isEmpty();

        relay.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published(2022)).hasSize(50));
        assertThat(published(2022).values().stream().collect(Collectors.toMap(MeasurementUpdated::revision, Function.identity())))
            .hasSize(50);
    }
}
