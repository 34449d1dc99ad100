package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.contracts.Vocabulary.ReviewPolicy;
import io.planeval.testsupport.KafkaTestProducer;

/** Plans as plan-service would publish them, and the indicators tests hang on them. */
public final class TestPlans {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private TestPlans() {
    }

    private static final Set<String> PUBLISHED = ConcurrentHashMap.newKeySet();

    /**
     * Publishes an R2–R6-shaped plan (goals GI–GIII, FY2020–2024), once per test run, and waits until
     * indicator-service knows it.
     */
    public static void publishR2R6Shaped(String planCode) {
        if (!PUBLISHED.add(planCode)) {
            return;
        }
        publish(planCode, 1, 2020, 2024, List.of("GI", "GII", "GIII"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
            given().when().get("/api/v1/plans/{p}/indicators", planCode).statusCode() == 200);
    }

    public static void publish(String planCode, long version, int first, int last, List<String> goals) {
        publish(planCode, version, first, last, goals, ReviewPolicy.NONE);
    }

    /** An R2–R6-shaped plan whose reported figures count only once a reviewer approves them; waits until it is known. */
    public static void publishReviewed(String planCode) {
        publish(planCode, 1, 2020, 2024, List.of("GI", "GII", "GIII"), ReviewPolicy.REQUIRED);
        await().atMost(Duration.ofSeconds(30)).until(() ->
            given().when().get("/api/v1/plans/{p}/indicators", planCode).statusCode() == 200);
    }

    public static void publish(String planCode, long version, int first, int last, List<String> goals, ReviewPolicy review) {
        List<PlanChanged.Node> nodes = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            nodes.add(new PlanChanged.Node(goals.get(i), "目標" + (i + 1), "目標 " + goals.get(i), null, 1, null, i + 1, null));
        }
        PlanChanged event = new PlanChanged(planCode, version, Instant.now(), null, new PlanChanged.Plan(planCode, "テスト計画",
            null, first, last, List.of("目標"), null, PlanStatus.ACTIVE, false, review, null, nodes));
        try {
            KafkaTestProducer.send(Topics.PLANS, planCode, EventTypes.PLAN_CHANGED, JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** KGI③ of the R2–R6 plan: 40,000 時間/年 by FY2024, higher is better. */
    public static String kgi3() {
        return """
            {"nodeCode": "GII", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
             "target": {"value": 40000, "fiscalYear": 2024}, "direction": "higher_is_better", "method": "ratio",
             "department": "総務部", "sourceSystem": "行政改革課"}""";
    }

    /** KGI③ as reported by an organisation's reporters. */
    public static String kgi3Of(String organisation) {
        return kgi3().replace("\"department\"", "\"organisation\": \"" + organisation + "\", \"department\"");
    }

    /** KGI⑤: 財政調整基金の残高, qualitative target 増額確保. */
    public static String kgi5() {
        return """
            {"nodeCode": "GIII", "kind": "kgi", "name": "財政調整基金の残高",
             "target": {"text": "増額確保", "fiscalYear": 2024}, "direction": "qualitative"}""";
    }

    public static void define(String planCode, String code, String json) {
        given().contentType("application/json").body(json).when()
            .put("/api/v1/plans/{p}/indicators/{c}", planCode, code).then().statusCode(oneOf(200, 201));
    }
}
