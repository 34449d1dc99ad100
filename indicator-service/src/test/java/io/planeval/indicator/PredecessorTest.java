package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.planeval.contracts.IndicatorChanged;
import io.planeval.contracts.Topics;
import io.planeval.testsupport.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;

/** An indicator names the indicator of an earlier plan it continues; its event carries the link. */
@QuarkusTest
class PredecessorTest {

    static final String OLD = "ind-lineage-r2-r6";
    static final String NEW = "ind-lineage-2025-29";

    static String successor(String predecessor) {
        return TestPlans.kgi3().replace("\"target\": {\"value\": 40000, \"fiscalYear\": 2024}", "\"target\": {\"value\": 60000, \"fiscalYear\": 2029}")
            .replace("\"department\"", "\"predecessor\": " + predecessor + ", \"department\"");
    }

    @Test
    void aSuccessorNamesAnIndicatorOfAnEarlierPlan() {
        TestPlans.publish(OLD, 1, 2020, 2024, List.of("GI", "GII", "GIII"));
        TestPlans.publish(NEW, 1, 2025, 2029, List.of("GI", "GII", "GIII"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/api/v1/plans/{p}/indicators", OLD).statusCode() == 200
            && given().when().get("/api/v1/plans/{p}/indicators", NEW).statusCode() == 200);
        TestPlans.define(OLD, "KGI3", TestPlans.kgi3());

        String url = "/api/v1/plans/" + NEW + "/indicators/{code}";
        given().contentType("application/json").body(successor("{\"planCode\": \"" + OLD + "\", \"indicatorCode\": \"KGI3\"}"))
            .when().put(url, "KGI-DX").then().statusCode(201)
            .body("predecessor.planCode", equalTo(OLD)).body("predecessor.indicatorCode", equalTo("KGI3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> KafkaTopicReader.readAll(Topics.INDICATORS).stream()
            .anyMatch(r -> r.key().equals(Topics.indicatorKey(NEW, "KGI-DX"))));
        IndicatorChanged event = KafkaTopicReader.readAll(Topics.INDICATORS).stream()
            .filter(r -> r.key().equals(Topics.indicatorKey(NEW, "KGI-DX")))
            .map(r -> {
                try {
                    return TestPlans.JSON.readValue(r.value(), IndicatorChanged.class);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).reduce((a, b) -> b).orElseThrow();
        assertThat(event.indicator().predecessor()).isEqualTo(new IndicatorChanged.Predecessor(OLD, "KGI3"));

        given().contentType("application/json").body(successor("{\"planCode\": \"" + NEW + "\", \"indicatorCode\": \"KGI3\"}"))
            .when().put(url, "KGI-X").then().statusCode(400).body("violations.field", hasItem("predecessor.planCode"));
        given().contentType("application/json").body(successor("{\"planCode\": \"no-such-plan\", \"indicatorCode\": \"KGI3\"}"))
            .when().put(url, "KGI-X").then().statusCode(400).body("violations.field", hasItem("predecessor.planCode"));
        given().contentType("application/json").body(successor("{\"planCode\": \"" + OLD + "\", \"indicatorCode\": \"KGI9\"}"))
            .when().put(url, "KGI-X").then().statusCode(400).body("violations.field", hasItem("predecessor.indicatorCode"))
            .body("violations.reason", hasItem(containsString("has no indicator KGI9")));
        given().contentType("application/json").body(successor("{\"planCode\": \"" + OLD + "\"}"))
            .when().put(url, "KGI-X").then().statusCode(400).body("violations.field", hasItem("predecessor.indicatorCode"));
        // The older plan cannot continue the newer one.
        given().contentType("application/json").body(TestPlans.kgi3().replace("\"department\"",
                "\"predecessor\": {\"planCode\": \"" + NEW + "\", \"indicatorCode\": \"KGI-DX\"}, \"department\""))
            .when().put("/api/v1/plans/" + OLD + "/indicators/KGI4").then().statusCode(400)
            .body("violations.reason", hasItem(containsString("a predecessor is of an earlier plan")));
        given().when().get(url, "KGI-X").then().statusCode(404);
    }
}
