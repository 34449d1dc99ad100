package io.planeval.evaluation.members;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.evaluation.SampleEvents;
import io.planeval.evaluation.report.CommitteeReportTest;
import io.planeval.testsupport.KafkaTestProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The sample's 市町村オープンデータ取組率, a share derived from Gunma's 35 municipalities: the members list shows who is
 * missing, a municipality's new figure changes the whole, and every moment keeps what counted then.
 */
@QuarkusTest
class MembersTest {

    static final String PLAN = "ev-members";
    static final String MEMBERS = "/api/v1/plans/" + PLAN + "/evaluation/indicators/GI-KPI-N04/members";
    static final Instant CORRECTED = Instant.parse("2025-08-01T00:00:00Z");
    private static boolean loaded;

    @BeforeEach
    void sample() {
        if (!loaded) {
            KafkaTestProducer.sendAll(SampleEvents.all(PLAN, 960_000));
            CommitteeReportTest.awaitComplete(PLAN);
            loaded = true;
        }
    }

    static JsonPath members(String query) {
        return JsonPath.from(given().when().get(MEMBERS + query).then().statusCode(200).extract().asString());
    }

    @Test
    void theWholeIsDerivedFromThirtyFiveMunicipalitiesAndTheCommitteesFigureComesOut() {
        JsonPath page = members("?fiscalYear=2024&asOf=2025-07-17");
        assertThat(page.getString("whole")).isEqualTo("derived");
        assertThat(page.getString("aggregation")).isEqualTo("share");
        assertThat(page.getString("dimensions[0].name")).isEqualTo("市町村");
        assertThat(page.getList("items")).hasSize(35);
        assertThat(page.getString("items[0].key")).isEqualTo("municipality=102016");
        assertThat(page.getString("items[0].names.municipality")).isEqualTo("前橋市");
        assertThat(page.getString("result.status")).isEqualTo("not_achieved");
        assertThat(page.getString("result.attainment.display")).isEqualTo("97.1%");
        assertThat(page.getString("result.working.actual.value")).isEqualTo("97.1");
        assertThat(page.getInt("result.working.actual.revision")).isZero();
        assertThat(page.getInt("result.working.actual.members.expected")).isEqualTo(35);
        assertThat(page.getString("result.working.actual.members.formula")).startsWith("34 of 35 members at least 1: 34 ÷ 35 × 100 = 97.1");
        // The committee's table reads the same figure.
        given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators/GI-KPI-N04?fiscalYear=2024&asOf=2025-07-17").then()
            .statusCode(200).body("working.formula", equalTo("97.1 ÷ 100 = 97.10%"));
    }

    @Test
    void sortedByStatusTheMissOpensTheListAndPagesFollowTheOrder() {
        JsonPath first = members("?fiscalYear=2024&asOf=2025-07-17&sort=status&limit=2");
        assertThat(first.getString("items[0].names.municipality")).isEqualTo("邑楽町");
        assertThat(first.getString("items[0].status")).isEqualTo("not_achieved");
        assertThat(first.getString("items[1].status")).isEqualTo("achieved");
        assertThat(first.getString("items[0].target")).isEqualTo("1");
        assertThat(first.getString("items[0].attainment.display")).isEqualTo("0%");
        JsonPath second = members("?fiscalYear=2024&asOf=2025-07-17&sort=status&limit=2&cursor=" + first.getString("nextCursor"));
        assertThat(second.getString("items[0].key")).isEqualTo("municipality=102024");
        JsonPath byValue = members("?fiscalYear=2024&asOf=2025-07-17&sort=value&descending=true");
        assertThat(byValue.getString("items[34].key")).isEqualTo("municipality=105252");
    }

    @Test
    void aYearWithoutFiguresMarksEveryMemberMissing() {
        JsonPath page = members("?fiscalYear=2023");
        assertThat(page.getList("items.reported", Boolean.class)).hasSize(35).containsOnly(false);
        // The indicator's only target is for 2024: 2023 has none, for the whole or its members.
        assertThat(page.getString("result.status")).isEqualTo("no_target");
        assertThat(page.getList("items.status")).containsOnly("no_target");
    }

    @Test
    void aMunicipalitysNewFigureChangesTheWholeAndEarlierMomentsKeepTheirs() {
        KafkaTestProducer.sendAll(List.of(SampleEvents.measurement(PLAN, 969_999, "GI-KPI-N04", 2024, 2, BigDecimal.ONE, null,
            MeasurementStatus.FINAL, ReviewState.APPROVED, CORRECTED, Map.of("municipality", "105252"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "achieved".equals(members("?fiscalYear=2024").getString("result.status")));
        JsonPath now = members("?fiscalYear=2024");
        assertThat(now.getString("result.working.actual.value")).isEqualTo("100");
        assertThat(now.getList("items.status")).containsOnly("achieved");
        assertThat(members("?fiscalYear=2024&asOf=2025-07-17").getString("result.working.actual.value")).isEqualTo("97.1");
    }

    @Test
    void anIndicatorThatIsNotBrokenDownHasNoMembersAndBadParametersAreNamed() {
        given().when().get("/api/v1/plans/" + PLAN + "/evaluation/indicators/KGI3/members").then().statusCode(404)
            .contentType("application/problem+json").body("detail", containsString("not broken down"));
        given().when().get(MEMBERS + "?sort=size").then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().when().get(MEMBERS + "?fiscalYear=2030").then().statusCode(400).body("violations[0].field", equalTo("fiscalYear"));
        given().when().get(MEMBERS + "?cursor=nonsense").then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        given().when().get(MEMBERS + "?fiscalYear=2024").then().statusCode(200).body("items", hasSize(35));
    }
}
