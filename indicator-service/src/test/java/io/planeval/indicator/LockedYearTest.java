package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.MeasurementUpdated;
import io.planeval.testsupport.TableDigest;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A locked fiscal year takes measurements only as corrections, each with its reason, kept on the revision, carried by
 * its event and listed; a refused post stores nothing.
 */
@QuarkusTest
class LockedYearTest {

    static final String PLAN = "ind-locked";
    static final String LOCKS = "/api/v1/plans/" + PLAN + "/locked-years";
    static final String KGI3 = "/api/v1/plans/" + PLAN + "/indicators/KGI3/measurements";
    static final String JSON = "application/json; charset=UTF-8";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void indicators() {
        TestPlans.publishR2R6Shaped(PLAN);
        TestPlans.define(PLAN, "KGI3", TestPlans.kgi3());
        TestPlans.define(PLAN, "KGI5", TestPlans.kgi5());
    }

    Supplier<String> stored() {
        return TableDigest.of(dataSource, "measurement", "fiscal_year_lock", "outbox_event(seq, event_id, topic, payload)");
    }

    @Test
    void aLockedYearTakesOnlyCorrectionsWithTheirReasonAndListsThem() {
        given().contentType(JSON).body("{\"fiscalYear\": 2022, \"value\": 50000, \"status\": \"final\"}")
            .when().post(KGI3).then().statusCode(201);

        String lockedAt = given().contentType(JSON).body("{\"note\": \"第39回 行財政改革評価・推進委員会で確定\"}")
            .when().put(LOCKS + "/2022").then().statusCode(201)
            .body("fiscalYearLabel", equalTo("令和4年度"))
            .body("note", equalTo("第39回 行財政改革評価・推進委員会で確定"))
            .body("lockedBy.client", notNullValue())
            .extract().path("lockedAt");
        // Locking again changes nothing.
        given().contentType(JSON).body("{\"note\": \"another\"}").when().put(LOCKS + "/2022").then().statusCode(200)
            .body("lockedAt", equalTo(lockedAt)).body("note", equalTo("第39回 行財政改革評価・推進委員会で確定"));
        given().when().get(LOCKS).then().statusCode(200).body("fiscalYear", equalTo(List.of(2022)));

        Supplier<String> stored = stored();
        String before = stored.get();
        given().contentType(JSON).body("{\"fiscalYear\": 2022, \"value\": 51000, \"status\": \"final\"}")
            .when().post(KGI3).then().statusCode(400)
            .contentType("application/problem+json")
            .body("violations.field", hasItem("correctionReason"))
            .body("violations.reason", hasItem(containsString("令和4年度 (2022) of plan " + PLAN + " is locked")));
        given().contentType(JSON).body("{\"fiscalYear\": 2022, \"value\": 51000, \"status\": \"final\", \"correctionReason\": \"  \"}")
            .when().post(KGI3).then().statusCode(400).body("violations.field", hasItem("correctionReason"));
        // A bulk request with one row for the locked year is refused whole, the row named.
        given().contentType(JSON).body("""
                [{"planCode": "%1$s", "indicatorCode": "KGI3", "fiscalYear": 2023, "value": 60000, "status": "final"},
                 {"planCode": "%1$s", "indicatorCode": "KGI3", "fiscalYear": 2022, "value": 51000, "status": "final"}]""".formatted(PLAN))
            .when().post("/api/v1/measurements").then().statusCode(400)
            .body("violations.field", equalTo(List.of("[1].correctionReason")));
        assertThat(stored.get()).isEqualTo(before);

        given().contentType(JSON).body("{\"fiscalYear\": 2022, \"value\": 51000, \"status\": \"final\", "
                + "\"correctionReason\": \"集計誤りの訂正（第39回委員会後）\"}")
            .when().post(KGI3).then().statusCode(201)
            .body("revision", equalTo(2))
            .body("correctionReason", equalTo("集計誤りの訂正（第39回委員会後）"));
        // Open years go on as before, with no reason asked.
        given().contentType(JSON).body("{\"fiscalYear\": 2023, \"value\": 60000, \"status\": \"final\"}")
            .when().post(KGI3).then().statusCode(201).body("correctionReason", equalTo(null));

        given().when().get("/api/v1/plans/{p}/corrections", PLAN).then().statusCode(200)
            .body("items.indicatorCode", equalTo(List.of("KGI3")))
            .body("items.fiscalYear", equalTo(List.of(2022)))
            .body("items.correctionReason", equalTo(List.of("集計誤りの訂正（第39回委員会後）")))
            .body("items.recordedBy.client", hasItem(notNullValue()));
        given().queryParam("fiscalYear", 2023).when().get("/api/v1/plans/{p}/corrections", PLAN).then().statusCode(200)
            .body("items", equalTo(List.of()));

        List<MeasurementUpdated> events = MeasurementApiTest.eventsOf(PLAN, "KGI3");
        assertThat(events).filteredOn(e -> e.fiscalYear() == 2022).extracting(MeasurementUpdated::correctionReason)
            .containsExactly(null, "集計誤りの訂正（第39回委員会後）");
    }

    @Test
    void onlyAPlanAdminLocksAYearOfThePlan() {
        String reporter = TestIdentity.token("reporter-a", "org-a", List.of("reporter", "reader"));
        TestIdentity.as(reporter).contentType(JSON).body("{}").when().put(LOCKS + "/2024").then().statusCode(403);
        given().contentType(JSON).body("{}").when().put(LOCKS + "/2030").then().statusCode(400)
            .body("violations.field", equalTo(List.of("fiscalYear")))
            .body("violations.reason", hasItem(containsString("outside plan " + PLAN)));
        given().contentType(JSON).body("{}").when().put(LOCKS + "/R6").then().statusCode(400)
            .body("violations.field", equalTo(List.of("fiscalYear")));
        given().contentType(JSON).body("{\"note\": \"a\\u0007b\"}").when().put(LOCKS + "/2024").then().statusCode(400)
            .body("violations.field", equalTo(List.of("note")));
        given().contentType(JSON).body("{}").when().put("/api/v1/plans/no-such-plan/locked-years/2024").then().statusCode(404);
        given().when().get(LOCKS).then().statusCode(200).body("fiscalYear.findAll { it == 2024 }", equalTo(List.of()));
    }
}
