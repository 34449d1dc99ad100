package io.planeval.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

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
import io.restassured.response.ValidatableResponse;

/**
 * Who may do what: no token reads or writes nothing, each role does its own work only, a reporter posts for its own
 * organisation's indicators only, and every change keeps who made it.
 */
@QuarkusTest
class AccessTest {

    static final String PLAN = "ind-access";
    static final String INDICATORS = "/api/v1/plans/" + PLAN + "/indicators/";
    static final String REPORTER_A = TestIdentity.token("reporter-a", "org-a", List.of("reporter", "reader"));
    static final String REPORTER_B = TestIdentity.token("reporter-b", "org-b", List.of("reporter", "reader"));
    static final String READER = TestIdentity.token("dashboard", null, List.of("reader"));
    static final String STEWARD = TestIdentity.token("steward", null, List.of("indicator-steward", "reader"));

    @Inject
    DataSource dataSource;

    @BeforeEach
    void indicators() {
        TestPlans.publishR2R6Shaped(PLAN);
        TestPlans.define(PLAN, "KGI3", TestPlans.kgi3().replace("\"department\"", "\"organisation\": \"org-a\", \"department\""));
        TestPlans.define(PLAN, "KGI5", TestPlans.kgi5().replace("\"direction\"", "\"organisation\": \"org-b\", \"direction\""));
    }

    Supplier<String> stored() {
        return TableDigest.of(dataSource, "indicator", "measurement", "idempotency_key", "outbox_event(seq, event_id, topic, payload)");
    }

    static ValidatableResponse as(String token, String method, String path, String contentType, String body) {
        var request = TestIdentity.as(token);
        if (body != null) {
            request.contentType(contentType).body(body);
        }
        return request.when().request(method, path).then();
    }

    static ValidatableResponse post(String token, String code, String body) {
        return as(token, "POST", INDICATORS + code + "/measurements", "application/json", body);
    }

    @Test
    void withoutATokenNothingIsReadOrWritten() {
        Supplier<String> stored = stored();
        String before = stored.get();
        for (String[] call : List.of(
                new String[] {"GET", INDICATORS},
                new String[] {"GET", INDICATORS + "KGI3"},
                new String[] {"GET", INDICATORS + "KGI3/measurements"},
                new String[] {"PUT", INDICATORS + "KPI1"},
                new String[] {"POST", INDICATORS + "KGI3/measurements"},
                new String[] {"POST", "/api/v1/measurements"})) {
            as(null, call[0], call[1], "application/json", call[0].equals("GET") ? null : "{\"fiscalYear\": 2024, \"value\": 1}")
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        }
        as("not-a-token", "GET", INDICATORS, null, null).statusCode(401);
        String forged = REPORTER_A.substring(0, REPORTER_A.lastIndexOf('.') + 1) + "AAAA";
        post(forged, "KGI3", "{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}").statusCode(401);
        String forAnotherApplication = TestIdentity.token("reporter-a", "org-a", List.of("reporter"), "another-application");
        post(forAnotherApplication, "KGI3", "{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}").statusCode(401);
        assertThat(stored.get()).isEqualTo(before);
    }

    @Test
    void eachRoleDoesItsOwnWorkOnly() {
        Supplier<String> stored = stored();
        String before = stored.get();
        as(READER, "GET", INDICATORS + "KGI3", null, null).statusCode(200);
        post(READER, "KGI3", "{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}")
            .statusCode(403).contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        as(REPORTER_A, "PUT", INDICATORS + "KGI3", "application/json", TestPlans.kgi3()).statusCode(403);
        as(READER, "PUT", INDICATORS + "KPI9", "application/json", TestPlans.kgi3()).statusCode(403);
        assertThat(stored.get()).isEqualTo(before);

        as(STEWARD, "PUT", INDICATORS + "KPI9", "application/json", TestPlans.kgi3().replace("\"kgi\"", "\"kpi\""))
            .statusCode(201)
            .body("changedBy.client", equalTo("steward"))
            .body("changedBy.subject", equalTo("service-account-steward"));
    }

    @Test
    void aReporterPostsForItsOwnOrganisationOnlyAndIsRecordedAsItself() {
        Supplier<String> stored = stored();
        String before = stored.get();
        post(REPORTER_A, "KGI5", "{\"fiscalYear\": 2024, \"outcome\": \"achieved\", \"status\": \"final\"}")
            .statusCode(403)
            .body("violations.field", hasItem("indicatorCode"))
            .body("violations.reason", hasItem("KGI5 is reported by organisation org-b, not by org-a"));
        as(REPORTER_A, "POST", "/api/v1/measurements", "application/json", """
            [{"planCode": "%1$s", "indicatorCode": "KGI3", "fiscalYear": 2024, "value": 75608, "status": "final"},
             {"planCode": "%1$s", "indicatorCode": "KGI5", "fiscalYear": 2024, "outcome": "achieved", "status": "final"}]"""
            .formatted(PLAN))
            .statusCode(403)
            .body("violations.field", equalTo(List.of("[1].indicatorCode")));
        as(REPORTER_A, "POST", "/api/v1/measurements", "text/csv", """
            planCode,indicatorCode,fiscalYear,value,outcome,status
            %1$s,KGI3,2024,75608,,final
            %1$s,KGI5,2024,,achieved,final
            """.formatted(PLAN))
            .statusCode(403)
            .body("violations.field", equalTo(List.of("line 3: indicatorCode")));
        post(TestIdentity.token("no-org", null, List.of("reporter")), "KGI3", "{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}")
            .statusCode(403)
            .body("violations.reason", hasItem("KGI3 is reported by organisation org-a, not by a token without an organisation"));
        assertThat(stored.get()).isEqualTo(before);

        post(REPORTER_A, "KGI3", "{\"fiscalYear\": 2023, \"value\": 70000, \"status\": \"final\"}")
            .statusCode(201)
            .body("recordedBy.client", equalTo("reporter-a"))
            .body("recordedBy.organisation", equalTo("org-a"));
        post(REPORTER_B, "KGI5", "{\"fiscalYear\": 2023, \"outcome\": \"achieved\", \"status\": \"final\"}").statusCode(201);
        as(READER, "GET", INDICATORS + "KGI3/measurements?fiscalYear=2023", null, null)
            .statusCode(200)
            .body("items[0].recordedBy.subject", equalTo("service-account-reporter-a"));
        MeasurementUpdated event = MeasurementApiTest.eventsOf(PLAN, "KGI3").stream()
            .filter(e -> e.fiscalYear() == 2023).findFirst().orElseThrow();
        assertThat(event.recordedBy().client()).isEqualTo("reporter-a");
        assertThat(event.recordedBy().organisation()).isEqualTo("org-a");
    }

    @Test
    void oneClientsIdempotencyKeyNeverAnswersAnothers() {
        String body = "{\"fiscalYear\": 2022, \"value\": 100, \"status\": \"final\"}";
        TestIdentity.as(REPORTER_A).header("Idempotency-Key", "shared-key").contentType("application/json")
            .body(body).when().post(INDICATORS + "KGI3/measurements").then().statusCode(201).header("Idempotent-Replayed", "false")
            .body("revision", equalTo(1));
        TestIdentity.as(TestIdentity.ops()).header("Idempotency-Key", "shared-key").contentType("application/json")
            .body(body).when().post(INDICATORS + "KGI3/measurements").then().statusCode(201).header("Idempotent-Replayed", "false")
            .body("revision", equalTo(2))
            .body("recordedBy.client", equalTo("planeval-ops"));
        TestIdentity.as(REPORTER_A).header("Idempotency-Key", "shared-key").contentType("application/json")
            .body(body).when().post(INDICATORS + "KGI3/measurements").then().statusCode(201).header("Idempotent-Replayed", "true")
            .body("revision", equalTo(1));
    }

    @Test
    void aClientBeyondItsWriteLimitIsToldToWaitAndNothingIsStored() {
        String limited = TestIdentity.token(TestIdentity.LIMITED_CLIENT, "org-a", List.of("reporter"));
        for (int i = 0; i < TestIdentity.LIMITED_CLIENT_WRITES_PER_MINUTE; i++) {
            post(limited, "KGI3", "{\"fiscalYear\": 2021, \"value\": " + i + ", \"status\": \"final\"}").statusCode(201);
        }
        Supplier<String> stored = stored();
        String before = stored.get();
        post(limited, "KGI3", "{\"fiscalYear\": 2021, \"value\": 9, \"status\": \"final\"}")
            .statusCode(429)
            .contentType(startsWith("application/problem+json"))
            .header("Retry-After", Integer::parseInt, both(greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(60)))
            .body("detail", containsString(TestIdentity.LIMITED_CLIENT));
        assertThat(stored.get()).isEqualTo(before);
        // Another client of the same organisation is not held back.
        post(REPORTER_A, "KGI3", "{\"fiscalYear\": 2021, \"value\": 10, \"status\": \"final\"}").statusCode(201);
        // A refusal for a missing role is not a write, and is not counted as one.
        post(TestIdentity.token(TestIdentity.LIMITED_CLIENT, "org-a", List.of("reader")), "KGI3", "{}").statusCode(403);
    }
}
