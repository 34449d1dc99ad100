package io.planeval.plan.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.contracts.EventTypes;
import io.planeval.contracts.PlanChanged;
import io.planeval.contracts.Topics;
import io.planeval.contracts.Vocabulary.ReviewPolicy;
import io.planeval.support.events.CloudEventHeaders;
import io.planeval.testsupport.EventContract;
import io.planeval.testsupport.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class PlanApiTest {

    static final Path SAMPLES = Path.of("..", "deploy", "sample-data", "plans");
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** The 2025-29 sample under another code, so each test owns its plan. */
    static ObjectNode gunmaPlan(String code) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(SAMPLES.resolve("gunma-2025-29.json"), StandardCharsets.UTF_8));
            doc.put("code", code);
            return doc;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response put(String code, Object body, String ifMatch) {
        var request = given().contentType(ContentType.JSON).body(body.toString());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/plans/{code}", code);
    }

    static String export(String code) {
        return given().when().get("/api/v1/plans/{code}", code).then().statusCode(200).extract().asString();
    }

    static List<PlanChanged> events(String planCode) {
        return KafkaTopicReader.readAll(Topics.PLANS).stream()
            .filter(record -> planCode.equals(record.key()))
            .map(record -> read(record.value(), PlanChanged.class))
            .toList();
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsTheGunmaPlanAndExportsItUnchanged() throws IOException {
        ObjectNode sample = gunmaPlan("gunma-roundtrip");
        put("gunma-roundtrip", sample, null).then().statusCode(201)
            .header("ETag", "\"1\"")
            .header("Location", endsWith("/api/v1/plans/gunma-roundtrip"));

        String exported = export("gunma-roundtrip");
        JsonNode tree = JSON.readTree(exported);
        Map<Integer, Long> perLevel = new TreeMap<>();
        tree.get("nodes").forEach(n -> perLevel.merge(n.get("level").asInt(), 1L, Long::sum));
        assertThat(perLevel).isEqualTo(Map.of(1, 4L, 2, 17L, 3, 35L, 4, 64L));
        assertThat(tree.get("version").asLong()).isEqualTo(1);
        JsonNode withoutVersion = ((ObjectNode) tree.deepCopy()).without(List.of("version", "changedAt", "changedBy"));
        assertThat(tree.at("/changedBy/client").asText()).isEqualTo("planeval-ops");
        assertThat(withoutVersion).isEqualTo((JsonNode) sample);

        put("gunma-roundtrip", exported, null).then().statusCode(200).header("ETag", "\"1\"");
        assertThat(export("gunma-roundtrip")).isEqualTo(exported);
    }

    @Test
    void reimportChangesNothingAndPublishesNothing() {
        ObjectNode plan = gunmaPlan("gunma-reimport");
        put("gunma-reimport", plan, null).then().statusCode(201);
        put("gunma-reimport", plan, null).then().statusCode(200).header("ETag", "\"1\"");

        await().atMost(Duration.ofSeconds(10)).until(() -> events("gunma-reimport").size() == 1);
        ObjectNode changed = plan.deepCopy();
        changed.put("status", "closed");
        put("gunma-reimport", changed, null).then().statusCode(200).header("ETag", "\"2\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(events("gunma-reimport")).extracting(PlanChanged::version).containsExactly(1L, 2L));
    }

    /** A plan's evaluation settings: absent, no review and causes required; set, kept, exported and published. */
    @Test
    void reviewAndCausesRequiredAreSettingsOfThePlanCarriedByItsEvents() {
        ObjectNode plan = gunmaPlan("gunma-settings");
        plan.remove(List.of("review", "causesRequired"));
        put("gunma-settings", plan, null).then().statusCode(201).body("review", equalTo("none")).body("causesRequired", equalTo(true));
        plan.put("review", "required").put("causesRequired", false);
        put("gunma-settings", plan, null).then().statusCode(200).header("ETag", "\"2\"")
            .body("review", equalTo("required")).body("causesRequired", equalTo(false));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events("gunma-settings")).last()
            .satisfies(event -> assertThat(event.plan().review()).isEqualTo(ReviewPolicy.REQUIRED))
            .satisfies(event -> assertThat(event.plan().causesRequired()).isFalse()));
        plan.put("review", "sometimes");
        put("gunma-settings", plan, null).then().statusCode(400).contentType(startsWith("application/problem+json"))
            .body("violations[0].field", equalTo("review")).body("violations[0].reason", containsString("none, required"));
    }

    @Test
    void eachCommittedChangePublishesOneCloudEventWithTheNewVersion() {
        put("gunma-events", gunmaPlan("gunma-events"), null).then().statusCode(201);
        given().contentType(MERGE_PATCH).body("{\"title\": \"オープンデータの推進（改）\"}")
            .when().patch("/api/v1/plans/gunma-events/nodes/I15").then().statusCode(200).header("ETag", "\"2\"");
        given().queryParam("cascade", true).when().delete("/api/v1/plans/gunma-events/nodes/I16")
            .then().statusCode(204).header("ETag", "\"3\"");
        given().contentType(ContentType.JSON)
            .body("{\"code\": \"I16\", \"label\": \"実施項目16\", \"title\": \"ＢＩダッシュボード\", \"level\": 3, \"parent\": \"P7\"}")
            .when().post("/api/v1/plans/gunma-events/nodes").then().statusCode(201).header("ETag", "\"4\"");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(events("gunma-events")).extracting(PlanChanged::version).containsExactly(1L, 2L, 3L, 4L));

        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readAll(Topics.PLANS).stream()
            .filter(record -> "gunma-events".equals(record.key())).toList();
        assertThat(records).allSatisfy(record -> {
            assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.SPEC_VERSION)).contains("1.0");
            assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE)).contains(EventTypes.PLAN_CHANGED);
            assertThat(CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE)).contains("/planeval/plan-service");
        });
        assertThat(records.stream().map(r -> CloudEventHeaders.read(r.headers(), CloudEventHeaders.ID).orElseThrow()).distinct())
            .hasSize(4);

        PlanChanged last = events("gunma-events").get(3);
        assertThat(last.plan().nodes()).filteredOn(n -> n.code().equals("I15"))
            .extracting(PlanChanged.Node::title).containsExactly("オープンデータの推進（改）");
        assertThat(last.plan().nodes()).filteredOn(n -> n.code().equals("I16"))
            .extracting(PlanChanged.Node::title, PlanChanged.Node::parent, PlanChanged.Node::position)
            .containsExactly(tuple("ＢＩダッシュボード", "P7", 2));
        assertThat(last.plan().nodes()).extracting(PlanChanged.Node::code).doesNotContain("I16-1");
        assertThat(last.plan().levels()).containsExactly("目標", "方針", "実施項目", "事業");
        // What is published matches its schema in contracts/, with the CloudEvents dataschema naming it.
        assertThat(EventContract.assertPublishedMatch(Topics.PLANS, "/planeval/plan-service")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyInvalidTreeIsRefusedWithItsReasonAndLeavesThePlanUnchanged() {
        put("gunma-invalid", gunmaPlan("gunma-invalid"), null).then().statusCode(201);
        String before = export("gunma-invalid");

        assertRefused(doc -> node(doc, 17).put("parent", "I99"), "nodes[17].parent", "I99 does not exist");
        assertRefused(doc -> node(doc, 2).put("code", "G1"), "nodes[2].code", "G1 is already used by nodes[0]");
        assertRefused(doc -> node(doc, 2).put("level", 4), "nodes[2].level", "4 is not one below its parent P1 (level 2, 方針)");
        assertRefused(doc -> {
            node(doc, 1).put("parent", "I1").put("level", 2);
            node(doc, 2).put("parent", "P1").put("level", 3);
        }, "nodes[1].parent", "forms a cycle: P1 → I1 → P1");
        assertRefused(doc -> doc.put("firstFiscalYear", "二〇二五"), "firstFiscalYear", null);

        assertThat(export("gunma-invalid")).isEqualTo(before);
    }

    private static ObjectNode node(ObjectNode doc, int index) {
        return (ObjectNode) ((ArrayNode) doc.get("nodes")).get(index);
    }

    private static void assertRefused(Consumer<ObjectNode> breakIt, String field, String reason) {
        ObjectNode doc = gunmaPlan("gunma-invalid");
        breakIt.accept(doc);
        var response = put("gunma-invalid", doc, null).then().statusCode(400)
            .contentType(startsWith("application/problem+json"))
            .body("status", equalTo(400))
            .body("violations.field", hasItem(field));
        if (reason != null) {
            response.body("violations.find { it.field == '" + field + "' }.reason", equalTo(reason));
        }
    }

    @Test
    void aStaleIfMatchGets412AndChangesNothing() {
        put("gunma-stale", gunmaPlan("gunma-stale"), null).then().statusCode(201);
        ObjectNode changed = gunmaPlan("gunma-stale").put("vision", "新しい目指す姿");
        put("gunma-stale", changed, "\"1\"").then().statusCode(200).header("ETag", "\"2\"");
        String before = export("gunma-stale");

        put("gunma-stale", gunmaPlan("gunma-stale").put("vision", "古い版に基づく変更"), "\"1\"")
            .then().statusCode(412).contentType(startsWith("application/problem+json"));
        given().contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"title\": \"x\"}")
            .when().patch("/api/v1/plans/gunma-stale/nodes/G1").then().statusCode(412);
        given().header("If-Match", "\"1\"").when().delete("/api/v1/plans/gunma-stale/nodes/I1-1").then().statusCode(412);

        assertThat(export("gunma-stale")).isEqualTo(before);
    }

    @Test
    void aNodeComesWithItsPathAndChildren() {
        put("gunma-nodes", gunmaPlan("gunma-nodes"), null).then().statusCode(201);
        given().when().get("/api/v1/plans/gunma-nodes/nodes/I15").then().statusCode(200)
            .body("node.label", equalTo("実施項目15"))
            .body("node.levelName", equalTo("実施項目"))
            .body("path.code", equalTo(List.of("G2", "P7", "I15")))
            .body("path.levelName", equalTo(List.of("目標", "方針", "実施項目")))
            .body("children.code", equalTo(List.of("I15-1")));
        given().when().get("/api/v1/plans/gunma-nodes/nodes/NOPE").then().statusCode(404)
            .contentType(startsWith("application/problem+json"));
        given().when().get("/api/v1/plans/no-such-plan").then().statusCode(404)
            .contentType(startsWith("application/problem+json"));
    }

    @Test
    void nodeEditsFollowTheTreeRules() {
        put("gunma-edits", gunmaPlan("gunma-edits"), null).then().statusCode(201);
        given().when().delete("/api/v1/plans/gunma-edits/nodes/P1").then().statusCode(409)
            .body("detail", startsWith("Node P1 has children I1, I2, I3"));
        given().contentType(MERGE_PATCH).body("{\"parent\": \"G1\"}")
            .when().patch("/api/v1/plans/gunma-edits/nodes/I1").then().statusCode(400)
            .body("violations[0].field", equalTo("level"))
            .body("violations[0].reason", equalTo("3 is not one below its parent G1 (level 1, 目標)"));
        given().contentType(ContentType.JSON).body("{\"code\": \"I1\", \"title\": \"重複\", \"level\": 3, \"parent\": \"P1\"}")
            .when().post("/api/v1/plans/gunma-edits/nodes").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"code\": \"X1\", \"title\": \"迷子\", \"level\": 3, \"parent\": \"P99\"}")
            .when().post("/api/v1/plans/gunma-edits/nodes").then().statusCode(400)
            .body("violations[0].field", equalTo("parent"))
            .body("violations[0].reason", equalTo("P99 does not exist"));
        given().contentType(MERGE_PATCH).body("{\"parent\": \"P2\", \"position\": 3}")
            .when().patch("/api/v1/plans/gunma-edits/nodes/I1").then().statusCode(200)
            .body("path.code", equalTo(List.of("G1", "P2", "I1")))
            .body("children.code", equalTo(List.of("I1-1", "I1-2", "I1-3")));
        given().queryParam("cascade", true).when().delete("/api/v1/plans/gunma-edits/nodes/P1").then().statusCode(204);
        given().when().get("/api/v1/plans/gunma-edits/nodes/I2-1").then().statusCode(404);
        given().when().get("/api/v1/plans/gunma-edits/nodes/I1-1").then().statusCode(200);
    }

    @Test
    void badRequestsAreProblemDetails() {
        given().contentType(ContentType.JSON).body("{\"title\": ").when().put("/api/v1/plans/gunma-bad")
            .then().statusCode(400).contentType(startsWith("application/problem+json")).body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON).body("{\"titel\": \"typo\"}").when().put("/api/v1/plans/gunma-bad")
            .then().statusCode(400).body("violations[0].field", equalTo("titel"));
        given().contentType(ContentType.TEXT).body("plain").when().put("/api/v1/plans/gunma-bad")
            .then().statusCode(415).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body(gunmaPlan("x").toString()).when().put("/api/v1/plans/Bad Code")
            .then().statusCode(400).body("violations.field", hasItem("planCode"));
        given().when().get("/api/v1/plans/gunma-bad").then().statusCode(404);
    }

    @Test
    void listsPlans() {
        put("gunma-listed", gunmaPlan("gunma-listed"), null).then().statusCode(201);
        given().queryParam("limit", 1000).when().get("/api/v1/plans").then().statusCode(200)
            .body("items.find { it.code == 'gunma-listed' }.nodeCount", equalTo(120))
            .body("items.find { it.code == 'gunma-listed' }.lastFiscalYearLabel", equalTo("令和11年度"));
    }
}
