package io.planeval.evaluation.narrative;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The committee's words through the public API: revisions as of moments, organisation scope, the report that needs
 * causes for every miss and keeps the words it was fixed with.
 */
@QuarkusTest
class NarrativeTest {

    static final String PLAN = "ev-words";
    static final String BASE = "/api/v1/plans/" + PLAN + "/evaluation";
    static final String GOAL = BASE + "/nodes/GII/narratives/2024";
    static final String KGI3 = BASE + "/indicators/KGI3/narratives/2024";
    static final String EVALUATION = "職員負担軽減時間はKGI目標達成に至らなかったが、多様で柔軟な働き方の実現に取り組んだ。";

    static String reporter(String organisation) {
        return TestIdentity.token("reporter-" + organisation, organisation, List.of("reporter", "reader"));
    }

    private static boolean loaded;

    /** The sample, loaded by the first test (RestAssured knows the application's port only once a test runs). */
    @BeforeEach
    void loadTheSample() {
        if (loaded) {
            return;
        }
        loaded = true;
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(PLAN));
        events.addAll(SampleEvents.indicators(PLAN));
        events.addAll(SampleEvents.measurements(PLAN, 770_000));
        KafkaTestProducer.sendAll(events);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> given().when()
            .get(BASE + "/indicators/KGI4?fiscalYear=2024").then().extract().path("working.actual.revision") != null);
    }

    @Test
    void aNodesEvaluationIsReadAsOfEachMomentAndCarriedByTheReport() {
        given().contentType(ContentType.JSON).body(Map.of("evaluation", EVALUATION, "highlights", List.of("管理職に占める女性職員の割合 14.9 ％（R1） → 22.7 ％（R6）")))
            .when().put(GOAL).then().statusCode(201).header("ETag", "\"1\"").header("Location", GOAL)
            .body("revision", equalTo(1)).body("fiscalYearLabel", equalTo("令和6年度")).body("evaluation", equalTo(EVALUATION))
            .body("writtenBy.client", equalTo("planeval-ops"));
        Instant between = Instant.now();
        // The same text again changes nothing; another text is the next revision, refused over a stale If-Match.
        given().contentType(ContentType.JSON).body(Map.of("evaluation", EVALUATION, "highlights", List.of("管理職に占める女性職員の割合 14.9 ％（R1） → 22.7 ％（R6）")))
            .when().put(GOAL).then().statusCode(200).body("revision", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("evaluation", EVALUATION + "\n改訂した。"))
            .when().put(GOAL).then().statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("evaluation", "古い版に基づく書き換え"))
            .when().put(GOAL).then().statusCode(412).contentType("application/problem+json");

        given().when().get(GOAL).then().statusCode(200).body("revision", equalTo(2)).body("evaluation", equalTo(EVALUATION + "\n改訂した。"))
            .body("highlights", equalTo(List.of()));
        given().queryParam("asOf", between.toString()).when().get(GOAL).then().statusCode(200).body("revision", equalTo(1))
            .body("highlights[0]", containsString("22.7"));
        given().queryParam("asOf", "2025-07-17").when().get(GOAL).then().statusCode(404).contentType("application/problem+json");

        given().queryParam("fiscalYear", 2024).when().get(BASE).then().statusCode(200)
            .body("goals.find { it.code == 'GII' }.narrative.evaluation", equalTo(EVALUATION + "\n改訂した。"))
            .body("goals.find { it.code == 'GI' }.narrative", nullValue());
        given().queryParam("fiscalYear", 2024).queryParam("asOf", between.toString()).when().get(BASE + "/nodes/GII").then().statusCode(200)
            .body("narrative.revision", equalTo(1));
        // Other years and the audit trail.
        given().queryParam("fiscalYear", 2023).when().get(BASE).then().statusCode(200)
            .body("goals.find { it.code == 'GII' }.narrative", nullValue());
        given().queryParam("limit", 1000).when().get("/api/v1/plans/" + PLAN + "/audit").then().statusCode(200)
            .body("items.findAll { it.kind == 'node_narrative' && it.code == 'GII' }.number", equalTo(List.of(2, 1)))
            .body("items.find { it.kind == 'node_narrative' }.fiscalYear", equalTo(2024));
        // The changes between the two moments name the node.
        given().queryParam("fiscalYear", 2024).queryParam("from", between.toString()).when().get(BASE + "/changes").then().statusCode(200)
            .body("items.find { it.subject == 'node' && it.code == 'GII' }.from.narrativeRevision", equalTo(1))
            .body("items.find { it.subject == 'node' && it.code == 'GII' }.to.narrativeRevision", equalTo(2));
    }

    @Test
    void causesAreWrittenByTheIndicatorsOwnOrganisationOnly() {
        TestIdentity.as(reporter("sample-org-b")).contentType(ContentType.JSON).body(Map.of("causes", "他組織による記入"))
            .when().put(KGI3).then().statusCode(403).contentType("application/problem+json")
            .body("violations[0].field", equalTo("indicatorCode")).body("detail", containsString("sample-org-a"));
        TestIdentity.as(TestIdentity.token("dashboard", null, List.of("reader"))).contentType(ContentType.JSON)
            .body(Map.of("causes", "閲覧者による記入")).when().put(KGI3).then().statusCode(403);
        given().when().get(KGI3).then().statusCode(404);

        TestIdentity.as(reporter("sample-org-a")).contentType(ContentType.JSON)
            .body(Map.of("causes", "業務量の増加により、削減効果が相殺された", "actions", "RPAの対象業務を拡大する"))
            .when().put(KGI3).then().statusCode(201).body("revision", equalTo(1)).body("writtenBy.organisation", equalTo("sample-org-a"));
        given().when().get(KGI3).then().statusCode(200).body("causes", equalTo("業務量の増加により、削減効果が相殺された"));
        given().queryParam("fiscalYear", 2024).when().get(BASE + "/indicators/KGI3").then().statusCode(200)
            .body("causes", equalTo("業務量の増加により、削減効果が相殺された")).body("actions", equalTo("RPAの対象業務を拡大する"));
        given().queryParam("fiscalYear", 2023).when().get(BASE + "/indicators/KGI3").then().statusCode(200).body("causes", nullValue());
    }

    @Test
    void badNarrativesAreRefusedNamingTheFieldAndChangeNothing() {
        String node = BASE + "/nodes/GIII/narratives/";
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "x")).when().put(node + "2030").then().statusCode(400)
            .contentType("application/problem+json").body("violations[0].field", equalTo("fiscalYear"));
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "x")).when().put(node + "R6").then().statusCode(400)
            .body("violations[0].field", equalTo("fiscalYear"));
        given().contentType(ContentType.JSON).body(Map.of("evaluation", " ")).when().put(node + "2024").then().statusCode(400)
            .body("violations.field", equalTo(List.of("evaluation")));
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "a\u0000b")).when().put(node + "2024").then().statusCode(400)
            .body("violations.field", equalTo(List.of("evaluation")));
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "", "highlights", List.of("ok", " ", "x".repeat(501))))
            .when().put(node + "2024").then().statusCode(400)
            .body("violations.field", equalTo(List.of("evaluation", "highlights[1]", "highlights[2]")));
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "x".repeat(10_001))).when().put(node + "2024").then().statusCode(400)
            .body("violations[0].reason", containsString("10000"));
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "x", "highlights", "not a list")).when().put(node + "2024").then()
            .statusCode(400).body("violations[0].field", equalTo("highlights"));
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "x")).when().put(BASE + "/nodes/G99/narratives/2024").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "x")).when()
            .put("/api/v1/plans/no-such-plan/evaluation/nodes/GI/narratives/2024").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().put(BASE + "/indicators/KGI5/narratives/2024").then().statusCode(400)
            .body("violations[0].field", equalTo("causes"));
        given().contentType(ContentType.JSON).body(Map.of("causes", "x")).when().put(BASE + "/indicators/NOPE/narratives/2024").then().statusCode(404);
        TestIdentity.as(reporter("sample-org-a")).contentType(ContentType.JSON).body(Map.of("evaluation", "x")).when().put(node + "2024")
            .then().statusCode(403);
        given().when().get(node + "2024").then().statusCode(404);
        given().when().get(BASE + "/indicators/KGI5/narratives/2024").then().statusCode(404);
    }

    @Test
    void aReportNeedsCausesForEveryMissAndKeepsTheWordsItWasFixedWith() {
        String reports = "/api/v1/plans/" + PLAN + "/reports";
        List<String> misses = given().queryParam("fiscalYear", 2024).queryParam("status", "not_achieved").queryParam("limit", 1000)
            .when().get(BASE + "/indicators").then().statusCode(200).extract().jsonPath().getList("items.findAll { it.causes == null }.code");
        assertThat(misses).hasSizeGreaterThan(1);
        given().contentType(ContentType.JSON).body(Map.of("name", "R6の評価", "fiscalYear", 2024)).when().post(reports).then()
            .statusCode(409).body("violations.field", equalTo(misses));
        for (String code : misses) {
            given().contentType(ContentType.JSON).body(Map.of("causes", code + "の要因")).when()
                .put(BASE + "/indicators/" + code + "/narratives/2024").then().statusCode(201);
        }
        String location = given().contentType(ContentType.JSON).body(Map.of("name", "R6の評価", "fiscalYear", 2024)).when().post(reports)
            .then().statusCode(201).body("unexplainedMisses", nullValue()).extract().header("Location");
        String fixed = given().when().get(location + "/evaluation").then().statusCode(200).extract().asString();
        assertThat(fixed).contains(misses.get(0) + "の要因");

        given().contentType(ContentType.JSON).body(Map.of("causes", "書き直した要因")).when()
            .put(BASE + "/indicators/" + misses.get(0) + "/narratives/2024").then().statusCode(200).body("revision", equalTo(2));
        given().when().get(location + "/evaluation").then().statusCode(200).body(not(containsString("書き直した要因")));
        assertThat(given().when().get(location + "/evaluation").then().extract().asString()).isEqualTo(fixed);
        given().when().get(location + "/changes").then().statusCode(200)
            .body("items.find { it.code == '" + misses.get(0) + "' }.from.narrativeRevision", equalTo(1))
            .body("items.find { it.code == '" + misses.get(0) + "' }.to.narrativeRevision", equalTo(2))
            .body("items.code", not(hasItem(misses.get(1))));
        given().queryParam("fiscalYear", 2024).when().get(BASE).then().statusCode(200)
            .body(containsString("書き直した要因"));
        given().queryParam("fiscalYear", 2024).queryParam("status", "not_achieved").when().get(BASE + "/indicators").then()
            .body("items.causes", hasItem("書き直した要因"));
    }
}
