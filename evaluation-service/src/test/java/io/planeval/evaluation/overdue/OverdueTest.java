package io.planeval.evaluation.overdue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.TallyOverdue;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.evaluation.SampleEvents;
import io.planeval.support.time.Moments;
import io.planeval.testsupport.EventContract;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;

/** A tally past its expected date is listed with its organisation and days overdue, and announced exactly once. */
@QuarkusTest
class OverdueTest {

    static final String PLAN = "ev-overdue";

    @Inject
    OverdueTallies tallies;

    static TestEvent tallying(long id, String code, int year, int revision, String expected, String value) {
        return tallying(id, code, year, revision, expected, value, SampleEvents.MEASURED.plusSeconds(revision));
    }

    static TestEvent tallying(long id, String code, int year, int revision, String expected, String value, Instant recordedAt) {
        return SampleEvents.expected(PLAN, id, code, year, revision, expected == null ? null : LocalDate.parse(expected),
            value == null ? null : new BigDecimal(value), recordedAt);
    }

    static List<TallyOverdue> announced() {
        List<TallyOverdue> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTopicReader.readAll(Topics.EVALUATIONS)) {
            var type = record.headers().lastHeader("ce_type");
            if (PLAN.equals(record.key()) && type != null && EventTypes.TALLY_OVERDUE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                try {
                    found.add(SampleEvents.JSON.readValue(record.value(), TallyOverdue.class));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return found;
    }

    @Test
    void aTallyPastItsExpectedDateIsListedAndAnnouncedOnce() throws Exception {
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(PLAN));
        for (String code : List.of("KGI1", "KGI2", "KGI3")) {
            events.add(SampleEvents.indicator(PLAN, code, SampleEvents.JSON.readTree("""
                {"nodeCode": "GI", "kind": "kgi", "name": "指標 %s", "unit": "件", "target": {"value": 100, "fiscalYear": 2024},
                 "direction": "higher_is_better", "organisation": "org-a", "department": "総務部"}""".formatted(code)), 1, SampleEvents.DEFINED));
        }
        events.add(tallying(860_001, "KGI1", 2024, 1, "2025-09-30", null));      // overdue since 2025-10-01
        events.add(tallying(860_002, "KGI2", 2024, 1, "2100-03-31", null));      // not yet due
        events.add(tallying(860_003, "KGI3", 2024, 1, "2025-08-31", null));      // was overdue, then reported:
        events.add(tallying(860_004, "KGI3", 2024, 2, null, "120", Instant.parse("2025-10-15T00:00:00Z")));
        KafkaTestProducer.sendAll(events);
        String overdue = "/api/v1/plans/" + PLAN + "/evaluation/overdue";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
            given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators/KGI3?fiscalYear=2024").then().extract()
                .path("working.actual.revision").equals(2)
            && given().when().get(overdue).then().extract().jsonPath().getList("items.code").size() == 1);

        long days = ChronoUnit.DAYS.between(LocalDate.parse("2025-09-30"), LocalDate.now(Moments.JAPAN));
        given().when().get(overdue).then().statusCode(200)
            .body("items.code", equalTo(List.of("KGI1")))
            .body("items[0].organisation", equalTo("org-a"))
            .body("items[0].department", equalTo("総務部"))
            .body("items[0].fiscalYearLabel", equalTo("令和6年度"))
            .body("items[0].expectedDate", equalTo("2025-09-30"))
            .body("items[0].daysOverdue", equalTo((int) days))
            .body("items[0].reportedBy.client", equalTo(SampleEvents.REPORTER.client()));
        // As of its expected day KGI1 is not overdue, two days later it is, by two days; KGI3 was overdue until its figure
        // came on 2025-10-15.
        given().queryParam("asOf", "2025-09-30").when().get(overdue).then().statusCode(200).body("items.code", equalTo(List.of("KGI3")));
        given().queryParam("asOf", "2025-10-02").when().get(overdue).then().statusCode(200)
            .body("items.code", equalTo(List.of("KGI3", "KGI1")))
            .body("items.daysOverdue", equalTo(List.of(32, 2)));
        // A page at a time, in the same order.
        String next = given().queryParam("asOf", "2025-10-02").queryParam("limit", 1).when().get(overdue).then().statusCode(200)
            .body("items.code", equalTo(List.of("KGI3"))).extract().path("nextCursor");
        given().queryParam("asOf", "2025-10-02").queryParam("limit", 1).queryParam("cursor", next).when().get(overdue).then()
            .statusCode(200).body("items.code", equalTo(List.of("KGI1"))).body("nextCursor", nullValue());
        given().queryParam("asOf", "2025-10-16").when().get(overdue).then().statusCode(200).body("items.code", equalTo(List.of("KGI1")));

        tallies.announce();
        tallies.announce();
        await().atMost(Duration.ofSeconds(30)).until(() -> !announced().isEmpty());
        List<TallyOverdue> once = announced();
        assertThat(once).extracting(TallyOverdue::indicatorCode).containsExactly("KGI1");
        assertThat(once.get(0).organisation()).isEqualTo("org-a");
        assertThat(once.get(0).measurementId()).isEqualTo(860_001);
        assertThat(tallies.announce()).as("announced before: not again").isZero();
        assertThat(EventContract.assertPublishedMatch(Topics.EVALUATIONS, "/planeval/evaluation-service")).isPositive();

        given().when().get("/api/v1/plans/no-such-plan/evaluation/overdue").then().statusCode(404);
        given().queryParam("asOf", "soon").when().get(overdue).then().statusCode(400);
    }
}
