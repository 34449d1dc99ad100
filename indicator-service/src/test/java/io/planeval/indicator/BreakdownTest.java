package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.planeval.testsupport.TableDigest;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Indicators broken down by municipality: the definition names its members from the shipped code list, a figure
 * names its member, a derived whole cannot be posted, and a municipality posts its own part and nobody else's.
 */
@QuarkusTest
class BreakdownTest {

    static final String PLAN = "ind-breakdown";
    static final String N04 = "/api/v1/plans/" + PLAN + "/indicators/N04";
    static final String MAEBASHI = TestIdentity.token("maebashi", "102016", List.of("reporter", "reader"));
    static final String PREFECTURE = TestIdentity.token("prefecture", "org-a", List.of("reporter", "reader"));

    /** 市町村オープンデータ取組率: the share of municipalities with open data, derived from their figures. */
    static final String OPEN_DATA_SHARE = """
        {"nodeCode": "GI", "kind": "kpi", "name": "市町村オープンデータ取組率", "unit": "％", "organisation": "org-a",
         "target": {"value": 100, "fiscalYear": 2024}, "direction": "higher_is_better",
         "breakdown": {"dimensions": [{"code": "municipality"}], "whole": "derived", "aggregation": "share",
                       "condition": "at_least", "threshold": 1.0, "decimals": 1}}""";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void indicators() {
        TestPlans.publishR2R6Shaped(PLAN);
        TestPlans.define(PLAN, "N04", OPEN_DATA_SHARE);
    }

    Supplier<String> stored() {
        return TableDigest.of(dataSource, "indicator", "measurement", "outbox_event(seq, event_id, topic, payload)");
    }

    @Test
    void theDefinitionListsEveryMunicipalityByItsCodeAndName() {
        given().when().get(N04).then().statusCode(200)
            .body("breakdown.dimensions[0].code", equalTo("municipality"))
            .body("breakdown.dimensions[0].name", equalTo("市町村"))
            .body("breakdown.dimensions[0].members", hasSize(35))
            .body("breakdown.dimensions[0].members[0].code", equalTo("102016"))
            .body("breakdown.dimensions[0].members[0].name", equalTo("前橋市"))
            .body("breakdown.threshold", equalTo(1))
            .body("breakdown.whole", equalTo("derived"));
    }

    @Test
    void aBadBreakdownIsRefusedFieldByField() {
        String before = stored().get();
        given().contentType("application/json").body("""
            {"nodeCode": "GI", "kind": "kpi", "name": "x", "unit": "％", "target": {"value": 100, "fiscalYear": 2024},
             "direction": "higher_is_better",
             "breakdown": {"dimensions": [{"code": "municipality", "members": [{"code": "102017"}]}, {"code": "sex"},
                                          {"code": "office"}],
                           "whole": "derived", "aggregation": "weighted_mean", "threshold": 1, "decimals": 7,
                           "settings": [{"members": {"municipality": "131016"}, "weight": 0}]}}""")
            .when().put("/api/v1/plans/" + PLAN + "/indicators/BAD").then().statusCode(400)
            .contentType("application/problem+json")
            .body("violations.field", hasItem("breakdown.dimensions[0].members[0].code"))
            .body("violations.field", hasItem("breakdown.dimensions[1].members"))
            .body("violations.field", hasItem("breakdown.dimensions[2].members"))
            .body("violations.field", hasItem("breakdown.threshold"))
            .body("violations.field", hasItem("breakdown.decimals"))
            .body("violations.field", hasItem("breakdown.settings[0].members"));
        given().contentType("application/json").body("""
            {"nodeCode": "GIII", "kind": "kgi", "name": "x", "target": {"text": "増額確保", "fiscalYear": 2024},
             "direction": "qualitative", "breakdown": {"dimensions": [{"code": "municipality"}], "whole": "reported", "aggregation": "sum"}}""")
            .when().put("/api/v1/plans/" + PLAN + "/indicators/BAD").then().statusCode(400)
            .body("violations.field", hasItem("breakdown"));
        assertThat(stored().get()).isEqualTo(before);
    }

    @Test
    void aMunicipalityPostsItsOwnPartAndTheRevisionsCountPerMember() {
        String first = member("102016", "1");
        TestIdentity.as(MAEBASHI).contentType("application/json").body(first).when().post(N04 + "/measurements").then()
            .statusCode(201).body("members.municipality", equalTo("102016")).body("revision", equalTo(1));
        TestIdentity.as(MAEBASHI).contentType("application/json").body(first).when().post(N04 + "/measurements").then()
            .statusCode(201).body("revision", equalTo(2));
        // The prefecture's own reporter posts any municipality's part; its first is revision 1 of that member.
        TestIdentity.as(PREFECTURE).contentType("application/json").body(member("102024", "0")).when().post(N04 + "/measurements")
            .then().statusCode(201).body("revision", equalTo(1));
    }

    @Test
    void aMunicipalityIsRefusedAnotherMunicipalitysPartAndNothingIsStored() {
        String before = stored().get();
        TestIdentity.as(MAEBASHI).contentType("application/json").body(member("102024", "1")).when().post(N04 + "/measurements")
            .then().statusCode(403).contentType("application/problem+json")
            .body("violations[0].field", equalTo("members.municipality"))
            .body("violations[0].reason", containsString("102024"));
        TestIdentity.as(MAEBASHI).contentType("application/json").body("[" + member("102016", "1").replace("{", "{\"planCode\": \""
                + PLAN + "\", \"indicatorCode\": \"N04\", ") + ", " + member("102024", "1").replace("{", "{\"planCode\": \"" + PLAN
                + "\", \"indicatorCode\": \"N04\", ") + "]")
            .when().post("/api/v1/measurements").then().statusCode(403)
            .body("violations.field", equalTo(List.of("[1].members.municipality")));
        assertThat(stored().get()).isEqualTo(before);
    }

    @Test
    void theDerivedWholeAndUnknownMembersAreRefused() {
        String before = stored().get();
        given().contentType("application/json").body("{\"fiscalYear\": 2024, \"status\": \"final\", \"value\": 97.1}")
            .when().post(N04 + "/measurements").then().statusCode(400)
            .body("violations[0].field", equalTo("members"))
            .body("violations[0].reason", containsString("derived"));
        given().contentType("application/json").body(member("131016", "1")).when().post(N04 + "/measurements").then()
            .statusCode(400).body("violations[0].field", equalTo("members.municipality"));
        given().contentType("application/json").body(member("102016", "1").replace("\"municipality\"", "\"sex\""))
            .when().post(N04 + "/measurements").then().statusCode(400).body("violations[0].field", equalTo("members.sex"));
        assertThat(stored().get()).isEqualTo(before);
    }

    @Test
    void aCsvCarriesMembersInItsOwnColumn() {
        String csv = "planCode,indicatorCode,fiscalYear,status,value,members\n"
            + PLAN + ",N04,2023,final,1,municipality=102032\n"
            + PLAN + ",N04,2023,final,1,municipality=102041\n";
        given().contentType("text/csv").body(csv).when().post("/api/v1/measurements").then().statusCode(201)
            .body("measurements.members.municipality", equalTo(List.of("102032", "102041")));
        given().contentType("text/csv").body("planCode,indicatorCode,fiscalYear,status,value,members\n"
                + PLAN + ",N04,2023,final,1,municipality\n")
            .when().post("/api/v1/measurements").then().statusCode(400).body("violations[0].field", equalTo("line 2: members"));
    }

    static String member(String municipality, String value) {
        return "{\"fiscalYear\": 2024, \"status\": \"final\", \"value\": " + value + ", \"members\": {\"municipality\": \"" + municipality + "\"}}";
    }
}
