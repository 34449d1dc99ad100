package io.planeval.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** HTTP metrics are labelled by route template, refusals too: a path's values never become a label. */
@QuarkusTest
class HttpMetricsTest {

    @Test
    void refusedRequestsAreCountedUnderTheirRouteTemplate() {
        given().accept("application/xml").when().get("/api/v1/plans/raw-plan-1/indicators/raw-indicator-1")
            .then().statusCode(406);
        given().contentType("text/plain").body("x")
            .when().post("/api/v1/plans/raw-plan-1/indicators/raw-indicator-1/measurements").then().statusCode(415);
        given().when().get("/api/v1/plans/raw-plan-1/indicators/raw-indicator-1").then().statusCode(404);
        given().when().delete("/api/v1/plans/raw-plan-1/no-such-route").then().statusCode(404);

        List<String> counts = given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
            .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
            .toList();
        assertThat(counts).noneMatch(line -> line.contains("raw-plan-1"));
        assertThat(counts).anyMatch(line -> line.contains("status=\"406\"")
            && line.contains("uri=\"/api/v1/plans/{planCode}/indicators/{indicatorCode}\""));
        assertThat(counts).anyMatch(line -> line.contains("status=\"415\"")
            && line.contains("uri=\"/api/v1/plans/{planCode}/indicators/{indicatorCode}/measurements\""));
        assertThat(counts).anyMatch(line -> line.contains("method=\"DELETE\"") && line.contains("uri=\"NOT_FOUND\""));
    }
}
