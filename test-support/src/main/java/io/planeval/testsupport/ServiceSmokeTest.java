package io.planeval.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planeval.contracts.Vocabulary;
import io.restassured.RestAssured;

/**
 * What every planeval service must answer once started: ready (database, Kafka and outbox), metrics, and
 * its API described. A service's {@code @QuarkusTest} extends it.
 */
public abstract class ServiceSmokeTest {

    @Test
    void readyMeansDatabaseKafkaAndOutboxAreUp() {
        given().when().get("/q/health/ready")
            .then().statusCode(200)
            .body("status", equalTo("UP"))
            .body("checks.name", hasItems("outbox", "Database connections health check", "Kafka connection health check"));
    }

    @Test
    void aliveAndMeasured() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(startsWith("#"));
    }

    /** Prometheus scrapes with a client that holds the metrics role only; readers of the API do not see metrics. */
    @Test
    void metricsForOperationsAndTheScraperOnly() {
        String scraper = TestIdentity.token("planeval-metrics", null, List.of("metrics"));
        TestIdentity.as(scraper).when().get("/q/metrics").then().statusCode(200).body(startsWith("#"));
        TestIdentity.as(TestIdentity.token("dashboard", null, List.of("reader"))).when().get("/q/metrics")
            .then().statusCode(403).contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        TestIdentity.as(null).when().get("/q/metrics").then().statusCode(401).contentType(startsWith("application/problem+json"))
            .header("WWW-Authenticate", startsWith("Bearer")).header("X-Content-Type-Options", "nosniff");
        TestIdentity.as(null).header("Authorization", "Bearer not.a.token").when().get("/q/metrics/").then().statusCode(401)
            .contentType(startsWith("application/problem+json"));
    }

    /** A request target that is not a URI, or a request without Host, is refused in problem+json naming what is wrong. */
    @Test
    void aMalformedRequestIsRefusedInProblemDetails() {
        assertThat(raw("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost"))
            .contains("\"field\":\"path\"").contains("Malformed escape pair at character 9");
        assertThat(raw("GET /api/v1/x?limit=%2 HTTP/1.1\r\nHost: localhost"))
            .contains("\"field\":\"query\"").contains("Malformed escape pair");
        assertThat(raw("GET /api/v1/\u6307\u6a19 HTTP/1.1\r\nHost: localhost")).contains("\"field\":\"path\"")
            .contains("Illegal character in path");
        assertThat(raw("GET /api/v1/x HTTP/1.1")).contains("the 'Host' header is required");
    }

    private static String raw(String requestHead) {
        String answer = RawHttp.exchange(RestAssured.port, requestHead + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
            .containsIgnoringCase("X-Content-Type-Options: nosniff");
        return answer;
    }

    /** Every enumeration in the API is one of contracts' vocabulary, word for word: the two cannot drift apart. */
    @Test
    @SuppressWarnings("unchecked")
    void everyEnumerationInTheApiIsOneOfTheVocabulary() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
            .extract().asString());
        List<List<String>> vocabulary = Stream.of(Vocabulary.class.getDeclaredClasses())
            .filter(Class::isEnum)
            .map(type -> Vocabulary.words((Class<? extends Enum<?>>) type))
            .toList();
        List<List<String>> enumerations = new ArrayList<>();
        api.path("components").findValues("enum").forEach(values -> {
            List<String> words = new ArrayList<>();
            // A field that may be null lists null beside the words.
            values.forEach(value -> {
                if (!value.isNull()) {
                    words.add(value.asText());
                }
            });
            enumerations.add(words);
        });
        assertThat(enumerations).isNotEmpty().allSatisfy(words -> assertThat(vocabulary).contains(words));
    }

    @Test
    void describesItsApi() {
        String name = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().when().get("/q/openapi?format=json")
            .then().statusCode(200)
            .body("info.title", equalTo("planeval " + name));
    }

    /** A page of a listed origin may call the API from a browser; a page of any other origin may not. */
    @Test
    void browsersOfListedOriginsOnly() {
        given().header("Origin", "https://dashboard.planeval.test").header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
            .when().options("/api/v1/plans")
            .then().statusCode(200)
            .header("Access-Control-Allow-Origin", "https://dashboard.planeval.test")
            .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
            .when().options("/api/v1/plans")
            .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").when().get("/q/health/live")
            .then().header("Access-Control-Allow-Origin", nullValue());
        // Refused as every refusal is: problem+json naming the header.
        given().header("Origin", "https://elsewhere.example").when().get("/q/openapi")
            .then().statusCode(403).contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("Origin"));
    }

    @Test
    void answersAreNeverSniffedOrFramedAndApiAnswersNeverCached() {
        given().when().get("/api/v1/plans/no-such-plan/anything")
            .then().header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().when().get("/q/health/live").then()
            .header("X-Content-Type-Options", "nosniff")
            .header("X-Frame-Options", "DENY")
            .header("Content-Security-Policy", "frame-ancestors 'none'")
            .header("Strict-Transport-Security", startsWith("max-age="));
        given().when().get("/q/openapi").then().header("Cache-Control", nullValue());
    }
}
