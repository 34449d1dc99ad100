package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.testsupport.AtOnce;
import io.planeval.testsupport.BadInputSweep;
import io.planeval.testsupport.TableDigest;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Whatever a client sends, indicator-service answers with a problem or a change, never a failure or half a change. */
@QuarkusTest
class IndicatorInputTest {

    static final String PLAN = "ind-input";
    static final Set<String> WHOLE_NUMBERS = Set.of("fiscalYear", "quarter", "month");
    static final String KPI_URL = "/api/v1/plans/" + PLAN + "/indicators/";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void plan() {
        TestPlans.publishR2R6Shaped(PLAN);
        TestPlans.define(PLAN, "KGI3", TestPlans.kgi3());
    }

    Supplier<String> stored() {
        return TableDigest.of(dataSource, "indicator", "measurement", "measurement_review", "idempotency_key", "fiscal_year_lock",
            "outbox_event(seq, event_id, topic, payload)");
    }

    static ValidatableResponse putIndicator(String code, String body) {
        return given().contentType("application/json").body(body).when().put(KPI_URL + code).then();
    }

    static ValidatableResponse post(String code, String body) {
        return given().contentType("application/json").body(body).when().post(KPI_URL + code + "/measurements").then();
    }

    static void refused(ValidatableResponse response, String field, String reason) {
        response.statusCode(400).contentType(startsWith("application/problem+json"))
            .body("violations.find { it.field == '" + field + "' }.reason", equalTo(reason));
    }

    @Test
    void noBadInputToAnyWriteEndpointBreaksTheServiceOrStoresAnything() {
        int sent = BadInputSweep.sweep(new BadInputSweep.Endpoint("PUT", KPI_URL + "SWEEP", "application/json", """
            {"nodeCode": "GII", "kind": "kgi", "name": "デジタル化推進等による省力化時間", "unit": "時間/年",
             "baseline": {"value": 1000, "fiscalYear": 2019}, "target": {"value": 40000, "text": "4万時間", "fiscalYear": 2024},
             "milestones": [{"fiscalYear": 2022, "value": 20000}], "direction": "higher_is_better", "method": "ratio",
             "relatedKpis": ["GII-KPI-N01"], "department": "総務部", "sourceSystem": "行政改革課", "note": "メモ"}""",
            WHOLE_NUMBERS), stored());
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("POST", KPI_URL + "KGI3/measurements", "application/json", """
            {"fiscalYear": 2024, "quarter": 2, "value": 75608.25, "status": "preliminary", "describesDate": "2024-09-30",
             "sourceSystem": "行政改革課", "note": "速報値"}""", WHOLE_NUMBERS), stored());
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("POST", "/api/v1/measurements", "application/json", """
            [{"planCode": "ind-input", "indicatorCode": "KGI3", "fiscalYear": 2023, "month": 4,
              "status": "being_tallied", "expectedDate": "2025-09-30", "note": "集計中"}]""",
            WHOLE_NUMBERS), stored());
        TestPlans.publishR2R6Shaped("ind-lock-sweep");
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("PUT", "/api/v1/plans/ind-lock-sweep/locked-years/2020",
            "application/json", "{\"note\": \"第39回 行財政改革評価・推進委員会で確定\"}", WHOLE_NUMBERS), stored());
        // A figure submitted under review, by a reporter (the sweep reviews as the operations client: not the poster).
        TestPlans.publishReviewed("ind-review-sweep");
        TestPlans.define("ind-review-sweep", "KGI3", TestPlans.kgi3Of("sweep-org"));
        Number submitted = TestIdentity.as(TestIdentity.token("sweep-reporter", "sweep-org", List.of("reporter"))).contentType("application/json")
            .body("{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}").when()
            .post("/api/v1/plans/ind-review-sweep/indicators/KGI3/measurements").then().statusCode(201).extract().path("id");
        sent += BadInputSweep.sweep(new BadInputSweep.Endpoint("POST", "/api/v1/plans/ind-review-sweep/indicators/KGI3/measurements/"
            + submitted + "/review", "application/json", "{\"decision\": \"returned\", \"reason\": \"単位が時間ではなく分です\"}",
            WHOLE_NUMBERS), stored());
        assertThat(sent).isGreaterThan(190);
    }

    @Test
    void listsRefuseCursorsTheyDidNotGiveAndYearsNoPlanHas() {
        TestPlans.define(PLAN, "KGI3-PAGED", TestPlans.kgi3());
        String indicators = "/api/v1/plans/" + PLAN + "/indicators";
        String next = given().queryParam("limit", 1).when().get(indicators).then().statusCode(200).extract().path("nextCursor");
        String altered = next.substring(0, 1) + (next.charAt(1) == 'A' ? 'B' : 'A') + next.substring(2);
        for (String cursor : List.of("AA", altered, "%%%")) {
            given().queryParam("cursor", cursor).when().get(indicators).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("cursor"));
        }
        for (String list : List.of(KPI_URL + "KGI3/measurements", "/api/v1/plans/" + PLAN + "/corrections")) {
            given().queryParam("cursor", "AA").when().get(list).then().statusCode(400).body("violations[0].field", equalTo("cursor"));
            for (String year : List.of("-1", "1899", "2201")) {
                given().queryParam("fiscalYear", year).when().get(list).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("fiscalYear"));
            }
        }
    }

    @Test
    void indicatorCodesThatDifferOnlyByCaseCannotBothExist() {
        String kgi3 = given().when().get(KPI_URL + "KGI3").then().statusCode(200).extract().asString();
        putIndicator("kgi3", TestPlans.kgi3()).statusCode(409).contentType(startsWith("application/problem+json"))
            .body("detail", org.hamcrest.Matchers.containsString("only by case"));
        given().when().get(KPI_URL + "kgi3").then().statusCode(404);
        assertThat(given().when().get(KPI_URL + "KGI3").then().statusCode(200).extract().asString()).isEqualTo(kgi3);
    }

    @Test
    void badCsvIsRefusedCellByCell() {
        String before = stored().get();
        String header = "planCode,indicatorCode,fiscalYear,value,status,describesDate,note\n";
        csvRefused(header + "ind-input,KGI3,2024,1,final,,a\u0000b\n", "line 2: note", "has the control character U+0000");
        csvRefused(header + "ind-input,KGI3,2024,1e10000000,final,,\n", "line 2: value", "'1e10000000' is not a number");
        csvRefused(header + "ind-input,KGI3,２０２４,1,final,,\n", "line 2: fiscalYear", "'２０２４' is not a whole number");
        csvRefused(header + "ind-input,KGI3,+2024,1,final,,\n", "line 2: fiscalYear", "'+2024' is not a whole number");
        csvRefused(header + "ind-input,KGI3,2024,1,final,0000-01-01,\n", "line 2: describesDate", "0000-01-01 is not a date from 1900 to 2200");
        csvRefused(header + "ind-input,KGI3,2024,1,final,20250331,\n", "line 2: describesDate", "'20250331' is not a date written as 2025-03-31");
        byte[] overlong = (header + "ind-input,KGI3,2024,1,final,,x").getBytes(StandardCharsets.UTF_8);
        byte[] withOverlong = new byte[overlong.length + 2];
        System.arraycopy(overlong, 0, withOverlong, 0, overlong.length);
        withOverlong[overlong.length] = (byte) 0xC1;
        withOverlong[overlong.length + 1] = (byte) 0x81;
        given().contentType("text/csv").body(withOverlong).when().post("/api/v1/measurements").then().statusCode(400)
            .body("violations[0].field", equalTo("body"))
            .body("violations[0].reason", startsWith("the CSV is not UTF-8"));
        assertThat(stored().get()).isEqualTo(before);
    }

    private static void csvRefused(String csv, String field, String reasonStart) {
        given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/measurements")
            .then().statusCode(400).contentType(startsWith("application/problem+json"))
            .body("violations.field", hasItem(field))
            .body("violations.find { it.field == '" + field + "' }.reason", startsWith(reasonStart));
    }

    @Test
    void anIndicatorWithoutDirectionIsRefusedNotAFailure() {
        refused(putIndicator("NO-DIRECTION", """
            {"nodeCode": "GII", "kind": "kpi", "name": "方向なし", "unit": "件", "target": {"value": 1, "fiscalYear": 2024}}"""),
            "direction", "is required: one of higher_is_better, lower_is_better, qualitative");
    }

    @Test
    void baselinesAndMilestonesLieOnTheWayToTheTarget() {
        String kpi = """
            {"nodeCode": "GII", "kind": "kpi", "name": "時間外勤務", "unit": "時間", "direction": "lower_is_better",
             "baseline": {"value": 13.5, "fiscalYear": BASELINE}, "target": {"value": 10, "fiscalYear": 2024},
             "milestones": [{"fiscalYear": MILESTONE, "value": 12}]}""";
        refused(putIndicator("PATH", kpi.replace("BASELINE", "2025").replace("MILESTONE", "2022")), "baseline.fiscalYear",
            "2025 is after plan ind-input ends (2024): a baseline is where the indicator starts");
        refused(putIndicator("PATH", kpi.replace("BASELINE", "2024").replace("MILESTONE", "2022")), "baseline.fiscalYear",
            "2024 is not before the target's year 2024");
        refused(putIndicator("PATH", kpi.replace("BASELINE", "1800").replace("MILESTONE", "2022")), "baseline.fiscalYear",
            "1800 is not a fiscal year from 1900 to 2200");
        refused(putIndicator("PATH", kpi.replace("BASELINE", "2019").replace("MILESTONE", "2024")), "milestones[0].fiscalYear",
            "2024 is not before the final target's year 2024: that year is judged against the final target");
        refused(putIndicator("PATH", kpi.replace("BASELINE", "2021").replace("MILESTONE", "2021")), "milestones[0].fiscalYear",
            "2021 is not after the baseline's year 2021");
        refused(putIndicator("PATH", kpi.replace("BASELINE", "2019").replace("MILESTONE", "2019")), "milestones[0].fiscalYear",
            "2019 is outside plan ind-input (2020–2024)");
        refused(putIndicator("PATH", """
            {"nodeCode": "GII", "kind": "kpi", "name": "目標なし", "unit": "件", "direction": "higher_is_better",
             "milestones": [{"fiscalYear": 2022, "value": 12}]}"""), "milestones",
            "need a final target to lead to: give target too, or leave milestones out");
        putIndicator("PATH", kpi.replace("BASELINE", "2019").replace("MILESTONE", "2022")).statusCode(201);
    }

    @Test
    void proportionsTakeNoNegativeValues() {
        refused(putIndicator("SIGNS", TestPlans.kgi3().replace("40000", "-50")), "target.value",
            "must be more than 0 for ratio; where values can be negative or zero, use progress_from_baseline");
        refused(putIndicator("SIGNS", TestPlans.kgi3().replace("40000", "0")), "target.value",
            "must be more than 0 for ratio; where values can be negative or zero, use progress_from_baseline");
        putIndicator("ZERO-ACCIDENTS", """
            {"nodeCode": "GII", "kind": "kpi", "name": "事故件数", "unit": "件", "direction": "lower_is_better",
             "method": "inverse_ratio", "target": {"value": 0, "fiscalYear": 2024}}""").statusCode(201);
        refused(post("KGI3", "{\"fiscalYear\": 2024, \"value\": -25, \"status\": \"final\"}"), "value",
            "KGI3 is measured by ratio, a proportion: its actuals are 0 or more, not -25");
        putIndicator("BALANCE", """
            {"nodeCode": "GIII", "kind": "kpi", "name": "基礎的財政収支", "unit": "億円", "direction": "higher_is_better",
             "method": "progress_from_baseline", "baseline": {"value": -115, "fiscalYear": 2019},
             "target": {"value": 0, "fiscalYear": 2024}}""").statusCode(201);
        post("BALANCE", "{\"fiscalYear\": 2024, \"value\": -20.5, \"status\": \"final\"}").statusCode(201);
    }

    @Test
    void anIdempotencyKeyThatIsSentMustSaySomething() {
        String before = stored().get();
        for (String key : List.of("", "   ")) {
            given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}").when().post(KPI_URL + "KGI3/measurements")
                .then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
            given().contentType("application/json").header("Idempotency-Key", key)
                .body("[{\"planCode\": \"ind-input\", \"indicatorCode\": \"KGI3\", \"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}]")
                .when().post("/api/v1/measurements").then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
        }
        given().contentType("application/json").header("Idempotency-Key", "x".repeat(201))
            .body("{\"fiscalYear\": 2024, \"value\": 1, \"status\": \"final\"}").when().post(KPI_URL + "KGI3/measurements")
            .then().statusCode(400);
        assertThat(stored().get()).isEqualTo(before);
    }

    @Test
    void queryParametersAreReadStrictly() {
        given().queryParam("fiscalYear", "abc").when().get(KPI_URL + "KGI3/measurements").then().statusCode(400)
            .contentType(startsWith("application/problem+json"))
            .body("violations[0].field", equalTo("fiscalYear"))
            .body("violations[0].reason", equalTo("'abc' is not a whole number"));
        given().queryParam("limit", 1001).when().get(KPI_URL + "KGI3/measurements").then().statusCode(400)
            .body("violations[0].reason", equalTo("must be from 1 to 1000, not 1001"));
        given().queryParam("cursor", "bm90IGEgY3Vyc29y").when().get(KPI_URL + "KGI3/measurements").then().statusCode(400)
            .body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void revisionsArePagedNewestFirstWithoutRepeatsOrGaps() {
        putIndicator("PAGED", TestPlans.kgi3()).statusCode(201);
        for (int i = 1; i <= 7; i++) {
            post("PAGED", "{\"fiscalYear\": 2022, \"value\": " + i + ", \"status\": \"preliminary\"}").statusCode(201);
        }
        List<Integer> revisions = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get(KPI_URL + "PAGED/measurements").then().statusCode(200).extract().jsonPath();
            revisions.addAll(page.getList("items.revision", Integer.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(revisions).containsExactly(7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void clientsCreatingTheSameIndicatorAtOnceGetOneCreationAndTheOrdinaryAnswer() throws Exception {
        List<Integer> statuses = AtOnce.statuses(32,
            () -> given().contentType("application/json").body(TestPlans.kgi5()).when().put(KPI_URL + "RACED").statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(31);
    }

    @Test
    void theLocationOfACreatedIndicatorIsItsPath() {
        given().header("Host", "evil.example").contentType("application/json").body(TestPlans.kgi5())
            .when().put(KPI_URL + "LOCATED").then().statusCode(201)
            .header("Location", equalTo("/api/v1/plans/ind-input/indicators/LOCATED"));
    }

    @Test
    void theTimeOfAMeasurementIsTheSameInTheAnswerTheListAndTheEvent() {
        putIndicator("TIMED", TestPlans.kgi3()).statusCode(201);
        String answered = post("TIMED", "{\"fiscalYear\": 2021, \"value\": 5, \"status\": \"final\"}").statusCode(201)
            .extract().jsonPath().getString("recordedAt");
        assertThat(Instant.parse(answered).getNano() % 1000).isZero();
        given().when().get(KPI_URL + "TIMED/measurements").then().statusCode(200).body("items[0].recordedAt", equalTo(answered));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(MeasurementApiTest.eventsOf(PLAN, "TIMED"))
            .extracting(e -> e.recordedAt().toString()).containsExactly(answered));
    }
}
