package io.planeval.evaluation.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.evaluation.SampleEvents;
import io.planeval.testsupport.KafkaTestProducer;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What a dashboard needs of the API: every result in one list, and answers a cache can keep and check. */
@QuarkusTest
class DashboardApiTest {

    static final String OPEN = "ev-dash-open";
    static final String CLOSED = "ev-dash-closed";
    static final String READER = TestIdentity.token("dashboard", null, List.of("reader"));
    static boolean loaded;

    @BeforeEach
    void plans() {
        if (loaded) {
            return;
        }
        KafkaTestProducer.sendAll(SampleEvents.openAndClosed(OPEN, CLOSED, 80_000));
        CommitteeReportTest.awaitComplete(OPEN);
        CommitteeReportTest.awaitComplete(CLOSED);
        loaded = true;
    }

    @Test
    void everyResultOfAPlanAndYearInOneListFilteredAndPaged() {
        String base = "/api/v1/plans/" + OPEN + "/evaluation/indicators?fiscalYear=2024";
        JsonPath goalOneUnachieved = JsonPath.from(given().when().get(base + "&node=GI&kind=kpi&status=not_achieved&limit=1000")
            .then().statusCode(200).extract().asString());
        // The committee's goal I: 7 KPIs not achieved.
        assertThat(goalOneUnachieved.getList("items")).hasSize(7);
        assertThat(goalOneUnachieved.getList("items.status", String.class)).containsOnly("not_achieved");
        assertThat(goalOneUnachieved.getList("items.kind", String.class)).containsOnly("kpi");
        assertThat(goalOneUnachieved.getString("nextCursor")).isNull();

        int all = JsonPath.from(given().when().get(base + "&limit=1000").then().statusCode(200).extract().asString())
            .getList("items").size();
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = JsonPath.from(given().when().get(base + "&limit=7" + (cursor == null ? "" : "&cursor=" + cursor))
                .then().statusCode(200).extract().asString());
            paged.addAll(page.getList("items.code", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).hasSize(all).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(paged)).contains("KGI3");

        given().when().get(base + "&status=done").then().statusCode(400).contentType(startsWith("application/problem+json"))
            .body("violations[0].field", equalTo("status"));
        given().when().get(base + "&node=NOPE").then().statusCode(404);
    }

    @Test
    void anUnchangedAnswerIsA304AndOnlyOpenDataMayBeKeptByASharedCache() {
        for (String path : List.of("/evaluation?fiscalYear=2024", "/evaluation/nodes/GII", "/evaluation/indicators/KGI3",
                "/evaluation/indicators?kind=kgi", "/evaluation.csv")) {
            String etag = given().when().get("/api/v1/plans/" + OPEN + path)
                .then().statusCode(200).header("Cache-Control", "public, max-age=10").extract().header("ETag");
            assertThat(etag).startsWith("\"");
            given().header("If-None-Match", etag).when().get("/api/v1/plans/" + OPEN + path)
                .then().statusCode(304).header("ETag", etag);
            given().header("If-None-Match", "\"something-else\"").when().get("/api/v1/plans/" + OPEN + path).then().statusCode(200);

            String closedCache = TestIdentity.as(READER).when().get("/api/v1/plans/" + CLOSED + path)
                .then().statusCode(200).extract().header("Cache-Control");
            assertThat(closedCache).contains("private").contains("no-cache").doesNotContain("max-age");
        }
    }
}
