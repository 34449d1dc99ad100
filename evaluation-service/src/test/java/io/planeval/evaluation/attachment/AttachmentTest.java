package io.planeval.evaluation.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.planeval.evaluation.SampleEvents;
import io.planeval.support.digest.ContentHash;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.KafkaTestProducer.TestEvent;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Evidence through the public API: byte-exact round trips with their hash, types checked from bytes, limits, scope. */
@QuarkusTest
class AttachmentTest {

    static final String PLAN = "ev-evidence";
    static final String ATTACHMENTS = "/api/v1/plans/" + PLAN + "/attachments";
    static final long FIRST_MEASUREMENT = 550_000;

    static RequestSpecification file(RequestSpecification request, String type, byte[] bytes) {
        return request.contentType(type).body(bytes);
    }

    static String reporter(String organisation) {
        return TestIdentity.token("reporter-" + organisation, organisation, List.of("reporter", "reader"));
    }

    @Test
    void evidenceRoundTripsByteForByteAndAReportNamesItByHash() {
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(PLAN));
        events.addAll(SampleEvents.indicators(PLAN));
        events.addAll(SampleEvents.measurements(PLAN, FIRST_MEASUREMENT));
        KafkaTestProducer.sendAll(events);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> given().when()
            .get("/api/v1/plans/" + PLAN + "/evaluation/indicators/KGI4?fiscalYear=2024").then().extract().path("working.actual.revision") != null);
        given().contentType(ContentType.JSON).body(Map.of("evaluation", "評価")).when()
            .put("/api/v1/plans/" + PLAN + "/evaluation/nodes/GII/narratives/2024").then().statusCode(201);

        // A PDF of the committee's evaluation of goal II, under a Japanese name.
        String location = file(given(), "application/pdf", TestFiles.PDF).queryParam("node", "GII").queryParam("fiscalYear", 2024)
            .queryParam("fileName", "目標Ⅱ評価資料.pdf").when().post(ATTACHMENTS).then().statusCode(201)
            .body("attachedTo", equalTo("node_narrative")).body("code", equalTo("GII")).body("revision", equalTo(1))
            .body("size", equalTo(TestFiles.PDF.length)).body("sha256", equalTo(ContentHash.of(TestFiles.PDF)))
            .body("uploadedBy.client", equalTo("planeval-ops"))
            .extract().header("Location");
        var download = given().when().get(location).then().statusCode(200)
            .contentType("application/pdf").header("X-Content-Type-Options", "nosniff")
            .header("Content-Disposition", containsString("attachment; filename="))
            .header("Content-Disposition", containsString("filename*=UTF-8''%E7%9B%AE%E6%A8%99"))
            .extract().asByteArray();
        assertThat(download).isEqualTo(TestFiles.PDF);
        // The same file again is the same attachment.
        file(given(), "application/pdf", TestFiles.PDF).queryParam("node", "GII").queryParam("fiscalYear", 2024)
            .queryParam("fileName", "目標Ⅱ評価資料.pdf").when().post(ATTACHMENTS).then().statusCode(200)
            .header("Location", (String) null);

        // A measurement revision's evidence, by the reporting organisation; every type round-trips.
        long measurement = FIRST_MEASUREMENT;
        Map<String, byte[]> files = Map.of("image/png", TestFiles.PNG, "image/jpeg", TestFiles.JPEG, FileTypes.XLSX, TestFiles.xlsx(),
            FileTypes.DOCX, TestFiles.docx(), "text/csv", TestFiles.CSV);
        Map<String, String> names = Map.of("image/png", "写真.png", "image/jpeg", "写真.jpg", FileTypes.XLSX, "集計表.xlsx",
            FileTypes.DOCX, "説明.docx", "text/csv", "内訳.csv");
        for (var type : files.entrySet()) {
            String at = file(TestIdentity.as(reporter("sample-org-a")), type.getKey(), type.getValue()).queryParam("measurementId", measurement)
                .queryParam("fileName", names.get(type.getKey())).when().post(ATTACHMENTS).then().statusCode(201)
                .body("attachedTo", equalTo("measurement")).body("revision", equalTo((int) measurement))
                .body("fiscalYear", notNullValue()).extract().header("Location");
            assertThat(given().when().get(at).then().statusCode(200).extract().asByteArray()).as(type.getKey()).isEqualTo(type.getValue());
        }
        given().queryParam("measurementId", measurement).when().get(ATTACHMENTS).then().statusCode(200)
            .body("items.size()", equalTo(5)).body("items.sha256", org.hamcrest.Matchers.hasItem(ContentHash.of(TestFiles.CSV)));

        // A report fixed now names every file of its year by hash.
        given().contentType(ContentType.JSON).body(Map.of("name", "証拠付き", "fiscalYear", 2024, "acceptMissingNarratives", true,
            "reason", "テスト")).when().post("/api/v1/plans/" + PLAN + "/reports").then().statusCode(201)
            .body("attachments.find { it.code == 'GII' }.sha256", equalTo(ContentHash.of(TestFiles.PDF)))
            .body("attachments.find { it.code == 'GII' }.fileName", equalTo("目標Ⅱ評価資料.pdf"));
    }

    @Test
    void badFilesAreRefusedAndNothingIsStored() {
        String plan = PLAN + "-bad";
        String attachments = "/api/v1/plans/" + plan + "/attachments";
        List<TestEvent> events = new ArrayList<>();
        events.add(SampleEvents.plan(plan));
        events.addAll(SampleEvents.indicators(plan));
        KafkaTestProducer.sendAll(events);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> given().when()
            .get("/api/v1/plans/" + plan + "/evaluation/indicators/KGI4").statusCode() == 200);
        given().contentType(ContentType.JSON).body(Map.of("causes", "要因")).when()
            .put("/api/v1/plans/" + plan + "/evaluation/indicators/KGI4/narratives/2024").then().statusCode(201);
        RequestSpecification kgi4 = given().queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024);

        file(given().queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024), "application/pdf", TestFiles.PNG)
            .queryParam("fileName", "偽装.pdf").when().post(attachments).then().statusCode(400).contentType("application/problem+json")
            .body("violations[0].field", equalTo("body")).body("violations[0].reason", containsString("claims application/pdf"));
        file(given().queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024), "application/pdf", TestFiles.PDF)
            .queryParam("fileName", "報告.docx").when().post(attachments).then().statusCode(400).body("violations[0].field", equalTo("fileName"));
        file(given().queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024), "application/pdf", TestFiles.PDF)
            .when().post(attachments).then().statusCode(400).body("violations[0].field", equalTo("fileName"));
        file(given().queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024), "application/pdf", TestFiles.PDF)
            .queryParam("fileName", "a/b.pdf").when().post(attachments).then().statusCode(400).body("violations[0].field", equalTo("fileName"));
        file(given().queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024), "text/plain", "x".getBytes())
            .queryParam("fileName", "x.txt").when().post(attachments).then().statusCode(415).contentType("application/problem+json");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestFiles.PDF, 0, large, 0, TestFiles.PDF.length);
        file(given().queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024), "application/pdf", large)
            .queryParam("fileName", "大きすぎる.pdf").when().post(attachments).then().statusCode(413).contentType("application/problem+json");
        file(given().queryParam("indicator", "KGI4").queryParam("node", "GII").queryParam("fiscalYear", 2024), "application/pdf", TestFiles.PDF)
            .queryParam("fileName", "x.pdf").when().post(attachments).then().statusCode(400).body("violations[0].field", equalTo("measurementId"));
        file(given().queryParam("measurementId", 999_999_999L), "application/pdf", TestFiles.PDF)
            .queryParam("fileName", "x.pdf").when().post(attachments).then().statusCode(409).header("Retry-After", "1");
        file(given().queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024).queryParam("revision", 2), "application/pdf", TestFiles.PDF)
            .queryParam("fileName", "x.pdf").when().post(attachments).then().statusCode(400).body("violations[0].field", equalTo("revision"));
        file(given().queryParam("node", "GI").queryParam("fiscalYear", 2024), "application/pdf", TestFiles.PDF)
            .queryParam("fileName", "x.pdf").when().post(attachments).then().statusCode(404);
        file(TestIdentity.as(reporter("sample-org-b")).queryParam("indicator", "KGI4").queryParam("fiscalYear", 2024), "application/pdf",
            TestFiles.PDF).queryParam("fileName", "x.pdf").when().post(attachments).then().statusCode(403)
            .body("violations[0].field", equalTo("indicator"));
        TestIdentity.as(null).when().get(attachments).then().statusCode(401);
        given().when().get(attachments + "/12x").then().statusCode(404);

        kgi4.when().get(attachments).then().statusCode(200).body("items.size()", equalTo(0));
        given().when().get(attachments).then().statusCode(200).body("items.size()", equalTo(0));
    }
}
