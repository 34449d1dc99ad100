package io.planeval.plan.plans;

import static io.planeval.plan.plans.PlanApiTest.export;
import static io.planeval.plan.plans.PlanApiTest.gunmaPlan;
import static io.planeval.plan.plans.PlanApiTest.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.testsupport.AtOnce;
import io.planeval.testsupport.BadInputSweep;
import io.planeval.testsupport.RawHttp;
import io.planeval.testsupport.TableDigest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Whatever a client sends, plan-service answers with a problem or a change, never a failure or half a change. */
@QuarkusTest
class PlanInputTest {

    static final Set<String> WHOLE_NUMBERS = Set.of("firstFiscalYear", "lastFiscalYear", "level", "position");

    @Inject
    DataSource dataSource;

    Supplier<String> stored() {
        return TableDigest.of(dataSource, "plan", "plan_node", "outbox_event(seq, event_id, topic, payload)");
    }

    @Test
    void noBadInputToAnyWriteEndpointBreaksTheServiceOrStoresAnything() {
        put("sweep-nodes", gunmaPlan("sweep-nodes"), null).then().statusCode(201);
        int sent = BadInputSweep.sweep(new BadInputSweep.Endpoint("PUT", "/api/v1/plans/sweep-plan", "application/json", """
            {"title": "群馬県行財政改革大綱", "description": "説明", "firstFiscalYear": 2025, "lastFiscalYear": 2029,
             "levels": ["目標", "方針"], "vision": "目指す姿", "status": "active",
             "nodes": [{"code": "G1", "label": "目標１", "title": "DX", "description": "d", "level": 1, "position": 1, "note": "n"},
                       {"code": "P1", "label": "方針１", "title": "利便性", "level": 2, "parent": "G1", "position": 1}]}""",
            WHOLE_NUMBERS), stored());
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("POST", "/api/v1/plans/sweep-nodes/nodes", "application/json", """
            {"code": "I99", "label": "実施項目99", "title": "新しい実施項目", "description": "説明", "level": 3, "parent": "P17",
             "position": 2, "note": "メモ"}""", WHOLE_NUMBERS), stored());
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("PATCH", "/api/v1/plans/sweep-nodes/nodes/I15",
            "application/merge-patch+json", """
            {"label": "実施項目15", "title": "オープンデータの推進（改）", "description": "説明", "note": "メモ", "position": 1}""",
            WHOLE_NUMBERS), stored());
        assertThat(sent).isGreaterThan(150);
    }

    @Test
    void theLocationOfACreatedResourceIsItsPathWhateverTheHostHeaderSays() {
        given().header("Host", "evil.example").contentType(ContentType.JSON).body(gunmaPlan("located").toString())
            .when().put("/api/v1/plans/located").then().statusCode(201)
            .header("Location", equalTo("/api/v1/plans/located"));
        given().header("Host", "evil.example").contentType(ContentType.JSON)
            .body("{\"code\": \"I99\", \"title\": \"新しい実施項目\", \"level\": 3, \"parent\": \"P17\"}")
            .when().post("/api/v1/plans/located/nodes").then().statusCode(201)
            .header("Location", equalTo("/api/v1/plans/located/nodes/I99"));
    }

    @Test
    void clientsCreatingTheSamePlanAtOnceGetOneCreationAndTheOrdinaryAnswer() throws Exception {
        String plan = gunmaPlan("raced").toString();
        List<Integer> statuses = AtOnce.statuses(32,
            () -> given().contentType(ContentType.JSON).body(plan).when().put("/api/v1/plans/raced").statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(31);
        given().when().get("/api/v1/plans/raced").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aPlanTooLargeToPublishIsRefusedBeforeAnythingIsStored() {
        ObjectNode plan = gunmaPlan("oversized");
        // 120 nodes with 9,000-character descriptions: about 3 MB as an event, more than Kafka takes.
        ((ArrayNode) plan.get("nodes")).forEach(node -> ((ObjectNode) node).put("description", "説".repeat(9_000)));
        String before = stored().get();
        put("oversized", plan, null).then().statusCode(413)
            .contentType(startsWith("application/problem+json"))
            .body("detail", startsWith("This change cannot be published: its event would be"));
        given().when().get("/api/v1/plans/oversized").then().statusCode(404);
        assertThat(stored().get()).isEqualTo(before);
    }

    @Test
    void namesAPersonReadsAsOneAreOne() {
        ObjectNode plan = gunmaPlan("same-names");
        // 目標 and ガバナンス, the second in decomposed form (カ + combining voiced mark): a person reads the same word.
        ((ArrayNode) plan.get("levels")).removeAll().add("ガバナンス").add("カ\u3099バナンス");
        put("same-names", plan, null).then().statusCode(400).contentType(startsWith("application/problem+json"))
            .body("violations.find { it.field == 'levels[1]' }.reason", startsWith("カ\u3099バナンス is named twice"));

        ObjectNode cased = gunmaPlan("same-codes");
        ((ObjectNode) cased.withArray("nodes").get(1)).put("code", cased.withArray("nodes").get(0).get("code").asText().toLowerCase());
        put("same-codes", cased, null).then().statusCode(400)
            .body("violations.find { it.field == 'nodes[1].code' }.reason", org.hamcrest.Matchers.containsString("only by case"));
        given().when().get("/api/v1/plans/same-codes").then().statusCode(404);
    }

    @Test
    void theListRefusesACursorItDidNotGive() {
        put("cursor-a", gunmaPlan("cursor-a"), null).then().statusCode(201);
        put("cursor-b", gunmaPlan("cursor-b"), null).then().statusCode(201);
        String next = given().queryParam("limit", 1).when().get("/api/v1/plans").then().statusCode(200).extract().path("nextCursor");
        String altered = next.substring(0, 1) + (next.charAt(1) == 'A' ? 'B' : 'A') + next.substring(2);
        for (String cursor : List.of("AA", altered)) {
            given().queryParam("cursor", cursor).when().get("/api/v1/plans").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("cursor"));
        }
        given().queryParam("cursor", next).when().get("/api/v1/plans").then().statusCode(200);
    }

    @Test
    void positionsAreBoundedSoThatAddingASiblingNeverOverflows() {
        put("positions", gunmaPlan("positions"), null).then().statusCode(201);
        String before = export("positions");
        given().contentType("application/merge-patch+json").body("{\"position\": 2147483648}")
            .when().patch("/api/v1/plans/positions/nodes/I15").then().statusCode(400)
            .body("violations[0].field", equalTo("position"));
        given().contentType("application/merge-patch+json").body("{\"position\": 100001}")
            .when().patch("/api/v1/plans/positions/nodes/I15").then().statusCode(400)
            .body("violations[0].reason", equalTo("must be from 1 to 100000, not 100001"));
        given().contentType("application/merge-patch+json").body("{\"level\": 1e9}")
            .when().patch("/api/v1/plans/positions/nodes/I15").then().statusCode(400)
            .body("violations[0].field", equalTo("level"));
        assertThat(export("positions")).isEqualTo(before);

        given().contentType("application/merge-patch+json").body("{\"position\": 100000}")
            .when().patch("/api/v1/plans/positions/nodes/G4").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"code\": \"G5\", \"title\": \"五つ目\", \"level\": 1}")
            .when().post("/api/v1/plans/positions/nodes").then().statusCode(400)
            .body("violations[0].field", equalTo("position"))
            .body("violations[0].reason", equalTo("would be 100001 after its last sibling, beyond 100000: give it a position"));
    }

    @Test
    void queryParametersAreReadStrictly() {
        put("strict-query", gunmaPlan("strict-query"), null).then().statusCode(201);
        given().queryParam("cascade", "yes").when().delete("/api/v1/plans/strict-query/nodes/P1").then().statusCode(400)
            .body("violations[0].field", equalTo("cascade"));
        given().queryParam("limit", "abc").when().get("/api/v1/plans").then().statusCode(400)
            .body("violations[0].field", equalTo("limit"));
        given().queryParam("limit", 0).when().get("/api/v1/plans").then().statusCode(400);
        given().queryParam("cursor", "%%%").when().get("/api/v1/plans").then().statusCode(400)
            .body("violations[0].field", equalTo("cursor"));
        given().when().get("/api/v1/plans/strict-query/nodes/P1").then().statusCode(200);
    }

    @Test
    void plansAreListedAPageAtATime() {
        for (String code : List.of("paged-a", "paged-b", "paged-c")) {
            put(code, gunmaPlan(code), null).then().statusCode(201);
        }
        List<String> codes = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/plans").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            codes.addAll(page.getList("items.code", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(codes).containsSubsequence("paged-a", "paged-b", "paged-c").doesNotHaveDuplicates().isSorted();
    }

    @Test
    void anOversizeBodyIsRefusedWithProblemDetailsBeforeItIsRead() {
        // Announces 40 MB and sends a few bytes: the answer comes from the Content-Length alone, and the connection closes.
        assertThat(RawHttp.announcingBody(RestAssured.port, "PUT", "/api/v1/plans/huge", 40_000_000, false))
            .startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
            .contains("\"status\":413").contains("at most 33554432 are accepted");
        // A client that waits for 100-continue before sending (as curl does for large bodies) gets the refusal instead.
        assertThat(RawHttp.announcingBody(RestAssured.port, "PUT", "/api/v1/plans/huge", 40_000_000, true))
            .startsWith("HTTP/1.1 413").contains("\"status\":413");
        given().when().get("/api/v1/plans/huge").then().statusCode(404);
    }

    @Test
    void anOverlongUriIsRefusedWithProblemDetails() {
        given().when().get("/api/v1/plans/" + "x".repeat(5000)).then().statusCode(414)
            .contentType(startsWith("application/problem+json"))
            .body("detail", startsWith("The request URI has"));
    }

    @Test
    void theTimeOfAChangeIsKeptToTheMicrosecond() {
        put("timed", gunmaPlan("timed"), null).then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> !PlanApiTest.events("timed").isEmpty());
        assertThat(PlanApiTest.events("timed").get(0).changedAt().getNano() % 1000).isZero();
    }
}
