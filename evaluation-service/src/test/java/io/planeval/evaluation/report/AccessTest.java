package io.planeval.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Who reads what: open-data plans' results are anybody's, other plans' only readers'; the audit trail is readers' only
 * and names who made each change, as the events said.
 */
@QuarkusTest
class AccessTest {

    static final String OPEN = "ev-open";
    static final String CLOSED = "ev-closed";
    static final String READER = TestIdentity.token("dashboard", null, List.of("reader"));
    static final String REPORTER_ONLY = TestIdentity.token("reporter-a", "org-a", List.of("reporter"));

    static int indicators;
    static int measurements;

    /** Once, when Quarkus is up (a @BeforeAll may run before it starts). */
    @BeforeEach
    void plans() {
        if (indicators > 0) {
            return;
        }
        KafkaTestProducer.sendAll(SampleEvents.openAndClosed(OPEN, CLOSED, 50_000));
        CommitteeReportTest.awaitComplete(OPEN);
        CommitteeReportTest.awaitComplete(CLOSED);
        indicators = SampleEvents.indicators(OPEN).size();
        measurements = SampleEvents.measurements(OPEN, 0).size();
    }

    @Test
    void anOpenDataPlansResultsAreAnybodys() {
        for (String token : new String[] {null, REPORTER_ONLY, READER}) {
            for (String path : List.of("/evaluation", "/evaluation/nodes/GII", "/evaluation/indicators/KGI3", "/evaluation.csv",
                    "/evaluation/changes?from=2025-01-01&to=2025-12-31")) {
                TestIdentity.as(token).when().get("/api/v1/plans/" + OPEN + path).then().statusCode(200);
            }
        }
        TestIdentity.as(null).when().get("/api/v1/plans/{p}/evaluation/indicators/KGI3", OPEN).then().statusCode(200)
            .body("working.actual.recordedBy.client", equalTo("sample-reporter-a"))
            .body("working.actual.recordedBy.organisation", equalTo("sample-org-a"));
    }

    @Test
    void anotherPlanIsReadersOnlyAndWithoutATokenNotEvenSaidToExist() {
        for (String plan : List.of(CLOSED, "no-such-plan")) {
            for (String path : List.of("/evaluation", "/evaluation/nodes/GII", "/evaluation/indicators/KGI3", "/evaluation.csv")) {
                TestIdentity.as(null).when().get("/api/v1/plans/" + plan + path).then().statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .header("WWW-Authenticate", startsWith("Bearer"));
                TestIdentity.as(REPORTER_ONLY).when().get("/api/v1/plans/" + plan + path).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
            }
        }
        TestIdentity.as(READER).when().get("/api/v1/plans/{p}/evaluation", CLOSED).then().statusCode(200);
        TestIdentity.as(READER).when().get("/api/v1/plans/{p}/evaluation", "no-such-plan").then().statusCode(404);
    }

    @Test
    void theAuditTrailIsReadersOnlyAndNamesWhoMadeEachChange() {
        TestIdentity.as(null).when().get("/api/v1/plans/{p}/audit", OPEN).then().statusCode(401);
        TestIdentity.as(REPORTER_ONLY).when().get("/api/v1/plans/{p}/audit", OPEN).then().statusCode(403);

        List<Map<String, Object>> trail = auditPages(OPEN, "");
        assertThat(trail).hasSize(1 + indicators + measurements);
        assertThat(trail).extracting(entry -> entry.get("kind"))
            .containsOnly("plan", "indicator", "measurement");
        List<Instant> moments = trail.stream().map(entry -> Instant.parse((String) entry.get("at"))).toList();
        assertThat(moments).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(trail).filteredOn(entry -> entry.get("kind").equals("measurement")).hasSize(measurements)
            .allSatisfy(entry -> assertThat(entry.get("by")).isEqualTo(Map.of("subject", "service-account-sample-reporter-a",
                "client", "sample-reporter-a", "organisation", "sample-org-a")));
        assertThat(trail).filteredOn(entry -> !entry.get("kind").equals("measurement"))
            .allSatisfy(entry -> assertThat(((Map<?, ?>) entry.get("by")).get("client")).isEqualTo("planeval-ops"));

        List<Map<String, Object>> planned = auditPages(OPEN, "&to=" + SampleEvents.PLANNED);
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0)).containsEntry("kind", "plan").containsEntry("code", OPEN).containsEntry("number", 1);
        assertThat(auditPages(OPEN, "&from=" + SampleEvents.MEASURED)).hasSize(measurements);
        TestIdentity.as(READER).when().get("/api/v1/plans/{p}/audit?from=yesterday", OPEN).then().statusCode(400)
            .body("violations[0].field", equalTo("from"));
    }

    /** The whole trail, read 37 entries a page so that pages break inside each kind. */
    static List<Map<String, Object>> auditPages(String plan, String query) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = TestIdentity.as(READER).queryParam("cursor", cursor).when()
                .get("/api/v1/plans/" + plan + "/audit?limit=37" + query).then().statusCode(200).extract().jsonPath();
            entries.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return entries;
    }
}
