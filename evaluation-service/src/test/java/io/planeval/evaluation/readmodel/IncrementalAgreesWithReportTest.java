package io.planeval.evaluation.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * evaluation-service evaluates twice: incrementally, as events arrive, into recalculated_result (what status changes
 * are published from), and on read, for any moment. Both must always agree: after events in any order, repeated,
 * with corrections, every indicator's stored result for every year equals the one the API computes.
 */
@QuarkusTest
class IncrementalAgreesWithReportTest {

    private static final Pattern PERCENT = Pattern.compile("\"attainment\":\\{\"percent\":([-0-9.]+)");

    @Inject
    EntityManager entityManager;

    @Test
    void afterEventsInAnyOrderTheStoredResultsEqualTheReportedOnes() {
        String plan = "ev-agree";
        Random random = new Random(20250717);
        List<TestEvent> definitions = SampleEvents.indicators(plan);
        List<String> codes = definitions.stream().map(e -> e.key().substring(plan.length() + 1)).toList();
        List<String> qualitative = List.of("KGI5");
        List<TestEvent> events = new ArrayList<>(definitions);
        events.addAll(SampleEvents.measurements(plan, 70_000));
        long id = 71_000;
        Instant at = Instant.parse("2025-07-20T00:00:00Z");
        for (int i = 0; i < 300; i++) {
            String code = codes.get(random.nextInt(codes.size()));
            int year = 2020 + random.nextInt(5);
            boolean tallied = random.nextInt(5) == 0;
            BigDecimal value = tallied || qualitative.contains(code) ? null : BigDecimal.valueOf(random.nextInt(200_000), random.nextInt(3));
            Outcome outcome = tallied || !qualitative.contains(code) ? null : random.nextBoolean() ? Outcome.ACHIEVED : Outcome.NOT_ACHIEVED;
            events.add(SampleEvents.measurement(plan, id++, code, year, 2 + i, value, outcome,
                tallied ? MeasurementStatus.BEING_TALLIED : MeasurementStatus.FINAL, at.plusSeconds(i)));
        }
        Collections.shuffle(events, random);
        // The plan last, so that what came before waits for it; and some events twice.
        events.add(SampleEvents.plan(plan));
        events.addAll(events.subList(0, 20));
        KafkaTestProducer.sendAll(events);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<String, String> stored = stored(plan);
            assertThat(stored).hasSize(codes.size() * 5);
            assertThat(stored).isEqualTo(reported(plan, codes));
        });
    }

    /** recalculated_result: status and exact attainment per indicator and year. */
    Map<String, String> stored(String plan) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT indicator_code, fiscal_year, status, attainment FROM recalculated_result WHERE plan_code = :plan")
            .setParameter("plan", plan).getResultList());
        Map<String, String> results = new HashMap<>();
        for (Object[] row : rows) {
            results.put(row[0] + "/" + row[1], row[2] + " " + plain((BigDecimal) row[3]));
        }
        return results;
    }

    /** The same as the API reports each indicator for each year of the plan (the percent read exactly from the JSON). */
    static Map<String, String> reported(String plan, List<String> codes) {
        Map<String, String> results = new HashMap<>();
        for (String code : codes) {
            for (int year = 2020; year <= 2024; year++) {
                String body = given().queryParam("fiscalYear", year)
                    .when().get("/api/v1/plans/" + plan + "/evaluation/indicators/" + code).then().statusCode(200).extract().asString();
                Matcher percent = PERCENT.matcher(body);
                results.put(code + "/" + year, JsonPath.from(body).getString("status") + " "
                    + (percent.find() ? plain(new BigDecimal(percent.group(1))) : "null"));
            }
        }
        return results;
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }
}
