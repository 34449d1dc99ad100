package io.planeval.indicator;

import static io.planeval.indicator.TestPlans.JSON;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.MeasurementUpdated;
import io.planeval.contracts.Topics;
import io.planeval.testsupport.EventContract;
import io.planeval.testsupport.KafkaTopicReader;
import io.planeval.testsupport.RawHttp;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class MeasurementApiTest {

    static final String PLAN = "ind-measure";
    static final String URL = "/api/v1/plans/" + PLAN + "/indicators/{code}/measurements";
    static final String JSON_UTF8 = "application/json; charset=UTF-8";

    @BeforeEach
    void indicators() {
        TestPlans.publishR2R6Shaped(PLAN);
        TestPlans.define(PLAN, "KGI3", TestPlans.kgi3());
        TestPlans.define(PLAN, "KGI5", TestPlans.kgi5());
    }

    static ValidatableResponse post(String code, String body) {
        return given().contentType(JSON_UTF8).body(body).when().post(URL, code).then();
    }

    static List<MeasurementUpdated> events(String indicatorCode) {
        return eventsOf(PLAN, indicatorCode);
    }

    static List<MeasurementUpdated> eventsOf(String planCode, String indicatorCode) {
        return KafkaTopicReader.readAll(Topics.MEASUREMENTS).stream()
            .filter(r -> planCode.equals(r.key()))
            .map(r -> read(r.value()))
            .filter(e -> e.indicatorCode().equals(indicatorCode))
            .toList();
    }

    static MeasurementUpdated read(String json) {
        try {
            return JSON.readValue(json, MeasurementUpdated.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many revisions the indicator has, counted page by page. */
    static int revisions(String code) {
        int count = 0;
        String cursor = "";
        do {
            var page = given().queryParam("limit", 1000).queryParam("cursor", cursor).when().get(URL, code)
                .then().statusCode(200).extract().jsonPath();
            count += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return count;
    }

    @Test
    void aSecondPostMakesRevisionTwoAndBothStayReadable() {
        post("KGI3", "{\"fiscalYear\": 2023, \"value\": 60000, \"status\": \"preliminary\", \"note\": \"速報値\"}")
            .statusCode(201).body("revision", equalTo(1)).body("fiscalYearLabel", equalTo("令和5年度"));
        post("KGI3", "{\"fiscalYear\": 2023, \"value\": 61234.5, \"status\": \"final\", \"sourceSystem\": \"行政改革課\"}")
            .statusCode(201).body("revision", equalTo(2)).body("value", equalTo(61234.5f));

        given().queryParam("fiscalYear", 2023).when().get(URL, "KGI3").then().statusCode(200)
            .body("items.revision", equalTo(List.of(2, 1)))
            .body("items.status", equalTo(List.of("final", "preliminary")))
            .body("items.note", equalTo(Arrays.asList(null, "速報値")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events("KGI3"))
            .filteredOn(e -> e.fiscalYear() == 2023)
            .extracting(MeasurementUpdated::revision).containsExactlyInAnyOrder(1, 2));
        // What is published matches its schema in contracts/, with the CloudEvents dataschema naming it.
        assertThat(EventContract.assertPublishedMatch(Topics.MEASUREMENTS, "/planeval/indicator-service")).isGreaterThanOrEqualTo(2);
        assertThat(EventContract.assertPublishedMatch(Topics.INDICATORS, "/planeval/indicator-service")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void qualitativeIndicatorsTakeAnOutcome() {
        post("KGI5", "{\"fiscalYear\": 2024, \"outcome\": \"achieved\", \"status\": \"final\", \"note\": \"増額確保\"}")
            .statusCode(201).body("outcome", equalTo("achieved")).body("note", equalTo("増額確保"));
        post("KGI5", "{\"fiscalYear\": 2022, \"status\": \"being_tallied\", \"expectedDate\": \"2025-09-30\"}")
            .statusCode(201).body("expectedDate", equalTo("2025-09-30"));
    }

    @Test
    void everyBadInputIsRefusedAndNothingIsStoredOrPublished() {
        post("KGI3", "{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}").statusCode(201);
        int stored = revisions("KGI3") + revisions("KGI5");
        await().atMost(Duration.ofSeconds(10)).until(() -> events("KGI3").size() + events("KGI5").size() == stored);

        given().contentType(JSON_UTF8).body("{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}")
            .when().post("/api/v1/plans/no-such-plan/indicators/KGI3/measurements").then().statusCode(404)
            .contentType(startsWith("application/problem+json"));
        post("NOPE", "{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}").statusCode(404)
            .contentType(startsWith("application/problem+json"));
        refused(post("KGI3", "{\"fiscalYear\": 2019, \"value\": 1, \"status\": \"final\"}"), "fiscalYear",
            "2019 is outside plan ind-measure (2020–2024)");
        refused(post("KGI3", "{\"fiscalYear\": 2024, \"status\": \"final\"}"), "value", "is required for a final measurement of KGI3");
        refused(post("KGI5", "{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}"), "value",
            "KGI5 is qualitative: give an outcome (achieved or not_achieved), not a value");
        refused(post("KGI3", "{\"fiscalYear\": 2024, \"value\": 1, \"outcome\": \"achieved\", \"status\": \"final\"}"), "outcome",
            "KGI3 is numeric: give a value, not an outcome");
        refused(post("KGI3", "{\"fiscalYear\": 2024, \"value\": \"七万\", \"status\": \"final\"}"), "value", null);
        post("KGI3", "{\"fiscalYear\": 2024, \"value\": NaN, \"status\": \"final\"}").statusCode(400)
            .contentType(startsWith("application/problem+json")).body("title", equalTo("Malformed JSON"));
        refused(post("KGI3", "{\"fiscalYear\": 2024, \"value\": \"Infinity\", \"status\": \"final\"}"), "value", null);
        refused(post("KGI3", "{\"fiscalYear\": 2024, \"value\": 1.1234567, \"status\": \"final\"}"), "value",
            "1.1234567 has more than 6 decimal places; it would not be stored exactly");
        refused(post("KGI3", "{\"fiscalYear\": 2024, \"value\": 123456789012345, \"status\": \"final\"}"), "value",
            "123456789012345 has more than 14 digits before the decimal point");
        refused(post("KGI3", "{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"done\"}"), "status",
            "done is not one of preliminary, final, being_tallied");
        post("KGI3", "{\"fiscalYear\": 2024, \"value\": 1, ").statusCode(400).body("title", equalTo("Malformed JSON"));
        given().contentType("text/plain").body("2024,1").when().post(URL, "KGI3").then().statusCode(415)
            .contentType(startsWith("application/problem+json"));
        assertThat(oversizeStatus()).isEqualTo(413);

        assertThat(revisions("KGI3") + revisions("KGI5")).isEqualTo(stored);
        assertThat(events("KGI3").size() + events("KGI5").size()).isEqualTo(stored);
    }

    /** A bulk body over the 32 MiB limit, announced by a careful client (Expect: 100-continue), so it can read the answer. */
    private static int oversizeStatus() {
        String answer = RawHttp.announcingBody(RestAssured.port, "POST", "/api/v1/measurements", 33L * 1024 * 1024 + 1, true);
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        return Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }

    /**
     * A body shorter than its Content-Length is not waited for forever: 408 once the body timeout passes (5 s here: long
     * enough for a 10,000-row CSV on a loaded 2-core machine).
     */
    @Test
    void aBodyThatNeverArrivesInFullIsRefusedWhenTheBodyTimeoutPasses() {
        int before = revisions("KGI3");
        long start = System.nanoTime();
        String answer = RawHttp.exchange(RestAssured.port, "POST /api/v1/measurements HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer " + TestIdentity.ops() + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
            + "{\"planCode\": \"");
        assertThat(answer).startsWith("HTTP/1.1 408").containsIgnoringCase("content-type: application/problem+json")
            .containsIgnoringCase("connection: close").contains("did not arrive in full within 5 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(12));
        assertThat(revisions("KGI3")).isEqualTo(before);
    }

    private static void refused(ValidatableResponse response, String field, String reason) {
        response.statusCode(400).contentType(startsWith("application/problem+json")).body("violations.field", hasItem(field));
        if (reason != null) {
            response.body("violations.find { it.field == '" + field + "' }.reason", equalTo(reason));
        }
    }

    @Test
    void anIdempotencyKeyStoresOnceAndRefusesAnotherBody() {
        String body = "{\"fiscalYear\": 2022, \"value\": 30000, \"status\": \"final\"}";
        int before = revisions("KGI3");
        String first = given().contentType(JSON_UTF8).header("Idempotency-Key", "county-7f3a").body(body)
            .when().post(URL, "KGI3").then().statusCode(201).header("Idempotent-Replayed", "false").extract().asString();
        String again = given().contentType(JSON_UTF8).header("Idempotency-Key", "county-7f3a").body(body)
            .when().post(URL, "KGI3").then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(revisions("KGI3")).isEqualTo(before + 1);

        given().contentType(JSON_UTF8).header("Idempotency-Key", "county-7f3a").body(body.replace("30000", "30001"))
            .when().post(URL, "KGI3").then().statusCode(422).contentType(startsWith("application/problem+json"));
        assertThat(revisions("KGI3")).isEqualTo(before + 1);
    }

    @Test
    void revisionsAreNumberedInTheOrderPostedWithinARequestAndAcrossConcurrentPosts() throws Exception {
        TestPlans.define(PLAN, "KGI3-REV", TestPlans.kgi3());
        // One request: three rows for one period and one for another, then a month of the first year.
        given().contentType(JSON_UTF8).body("""
            [{"planCode": "ind-measure", "indicatorCode": "KGI3-REV", "fiscalYear": 2022, "value": 1, "status": "preliminary"},
             {"planCode": "ind-measure", "indicatorCode": "KGI3-REV", "fiscalYear": 2023, "value": 10, "status": "final"},
             {"planCode": "ind-measure", "indicatorCode": "KGI3-REV", "fiscalYear": 2022, "value": 2, "status": "preliminary"},
             {"planCode": "ind-measure", "indicatorCode": "KGI3-REV", "fiscalYear": 2022, "month": 4, "value": 5, "status": "final"},
             {"planCode": "ind-measure", "indicatorCode": "KGI3-REV", "fiscalYear": 2022, "value": 3, "status": "final"}]""")
            .when().post("/api/v1/measurements").then().statusCode(201)
            .body("measurements.revision", equalTo(List.of(1, 1, 2, 1, 3)))
            .body("measurements.value", equalTo(List.of(1, 10, 2, 5, 3)));
        given().queryParam("fiscalYear", 2022).when().get(URL, "KGI3-REV").then().statusCode(200)
            .body("items.findAll { it.month == null }.value", equalTo(List.of(3, 2, 1)));
        // The request's events reach Kafka in the order posted: written in that order, relayed by their seq.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events("KGI3-REV"))
            .extracting(e -> e.value().intValueExact()).containsExactly(1, 10, 2, 5, 3));

        // Eight clients post to one period at once: every revision number is taken once, none is skipped.
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int value = 100 + i;
                posts.add(pool.submit(() -> post("KGI3-REV", "{\"fiscalYear\": 2021, \"value\": " + value + ", \"status\": \"final\"}")
                    .statusCode(201).extract().path("revision")));
            }
            List<Integer> numbers = new ArrayList<>();
            for (var post : posts) {
                numbers.add(post.get());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bulkIsAllOrNothingAndNamesEveryBadRow() {
        int before = revisions("KGI3");
        given().contentType(JSON_UTF8).body("""
            [{"planCode": "ind-measure", "indicatorCode": "KGI3", "fiscalYear": 2021, "value": 1, "status": "final"},
             {"planCode": "ind-measure", "indicatorCode": "KGI9", "fiscalYear": 2021, "value": 1, "status": "final"},
             {"planCode": "ind-measure", "indicatorCode": "KGI3", "fiscalYear": 2021, "status": "final"}]""")
            .when().post("/api/v1/measurements").then().statusCode(400)
            .body("violations.field", equalTo(List.of("[1].indicatorCode", "[2].value")))
            .body("violations[0].reason", equalTo("plan ind-measure has no indicator KGI9"));
        String csv = "planCode,indicatorCode,fiscalYear,value,status\nind-measure,KGI3,2021,1,final\nind-measure,KGI3,2021,1万,final\n";
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/measurements")
            .then().statusCode(400)
            .body("violations.field", equalTo(List.of("line 3: value")))
            .body("violations[0].reason", equalTo("'1万' is not a number (write 12345.6: no thousands separators, exponents, units or %)"));
        assertThat(revisions("KGI3")).isEqualTo(before);
    }

    @Test
    void aTenThousandRowCsvFromExcelIsAcceptedInOneRequest() {
        StringBuilder csv = new StringBuilder("\uFEFFplanCode,indicatorCode,fiscalYear,quarter,value,status,note\r\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("ind-measure,KGI3,2020,").append(i % 4 + 1).append(',').append(1000 + i).append(".25,preliminary,")
                .append(i % 2 == 0 ? "\"四半期, 速報\"" : "速報").append("\r\n");
        }
        given().contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/measurements")
            .then().statusCode(201)
            .body("count", equalTo(10_000))
            .body("measurements", hasSize(10_000))
            .body("measurements[0].note", equalTo("四半期, 速報"))
            .body("measurements[9999].revision", equalTo(2500));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(events("KGI3").stream().filter(e -> e.fiscalYear() == 2020).count()).isEqualTo(10_000));
    }
}
