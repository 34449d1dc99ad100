package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.testsupport.TableDigest;
import io.quarkus.test.junit.QuarkusTest;

/** Indicators computed from others: unknown inputs and cycles are refused when defined, and nothing is posted to them. */
@QuarkusTest
class ComputedIndicatorTest {

    static final String PLAN = "ind-computed";
    static final String INDICATORS = "/api/v1/plans/" + PLAN + "/indicators/";

    @Inject
    DataSource dataSource;

    static String counted(String name) {
        return """
            {"nodeCode": "GI", "kind": "kpi", "name": "%s", "unit": "件", "direction": "higher_is_better"}""".formatted(name);
    }

    static String computed(String expression) {
        return """
            {"nodeCode": "GI", "kind": "kpi", "name": "公開率", "unit": "％", "target": {"value": 100, "fiscalYear": 2024},
             "direction": "higher_is_better", "formula": {"expression": "%s", "decimals": 1}}""".formatted(expression);
    }

    @BeforeEach
    void indicators() {
        TestPlans.publishR2R6Shaped(PLAN);
        TestPlans.define(PLAN, "PUBLISHED", counted("公開数"));
        TestPlans.define(PLAN, "HELD", counted("保有数"));
        TestPlans.define(PLAN, "RATE", computed("{PUBLISHED} / {HELD} * 100"));
    }

    Supplier<String> stored() {
        return TableDigest.of(dataSource, "indicator", "measurement", "outbox_event(seq, event_id, topic, payload)");
    }

    @Test
    void theFormulaIsKeptAndPublished() {
        given().when().get(INDICATORS + "RATE").then().statusCode(200)
            .body("formula.expression", equalTo("{PUBLISHED} / {HELD} * 100"))
            .body("formula.decimals", equalTo(1));
    }

    @Test
    void unknownInputsBadExpressionsAndCyclesAreRefusedAndNothingChanges() {
        String before = stored().get();
        given().contentType("application/json").body(computed("{PUBLISHED} / {NOWHERE}")).when().put(INDICATORS + "BAD").then()
            .statusCode(400).contentType("application/problem+json")
            .body("violations[0].field", equalTo("formula.expression")).body("violations[0].reason", containsString("NOWHERE"));
        given().contentType("application/json").body(computed("{PUBLISHED} / ")).when().put(INDICATORS + "BAD").then()
            .statusCode(400).body("violations[0].field", equalTo("formula.expression"))
            .body("violations[0].reason", containsString("at character"));
        given().contentType("application/json").body(computed("{BAD} + 1")).when().put(INDICATORS + "BAD").then()
            .statusCode(400).body("violations[0].reason", containsString("itself"));
        // HELD computed from RATE, which is computed from HELD: round in a circle.
        given().contentType("application/json").body(computed("{RATE} * 2")).when().put(INDICATORS + "HELD").then()
            .statusCode(400).body("violations[0].field", equalTo("formula.expression"))
            .body("violations[0].reason", containsString("HELD → RATE → HELD"));
        assertThat(stored().get()).isEqualTo(before);
    }

    @Test
    void aComputedIndicatorTakesNoFiguresOfItsOwn() {
        String before = stored().get();
        given().contentType("application/json").body("{\"fiscalYear\": 2024, \"status\": \"final\", \"value\": 50}")
            .when().post(INDICATORS + "RATE/measurements").then().statusCode(400)
            .body("violations[0].field", equalTo("indicatorCode")).body("violations[0].reason", containsString("computed"));
        assertThat(stored().get()).isEqualTo(before);
    }
}
