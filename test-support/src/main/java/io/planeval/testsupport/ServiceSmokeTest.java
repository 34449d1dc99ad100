package io.planeval.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

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

    @Test
    void describesItsApi() {
        String name = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().when().get("/q/openapi?format=json")
            .then().statusCode(200)
            .body("info.title", equalTo("planeval " + name));
    }
}
