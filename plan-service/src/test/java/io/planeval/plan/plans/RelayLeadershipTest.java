package io.planeval.plan.plans;

import static io.planeval.plan.plans.PlanApiTest.events;
import static io.planeval.plan.plans.PlanApiTest.gunmaPlan;
import static io.planeval.plan.plans.PlanApiTest.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.planeval.support.outbox.OutboxRelay;
import io.planeval.support.outbox.RelayLeadership;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several instances, one relay: while another instance holds the database's relay lock this one only waits, and
 * when that instance is gone (its session ends) this one takes over and publishes what waited.
 */
@QuarkusTest
class RelayLeadershipTest {

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void relayBack() {
        relay.start();
    }

    @Test
    void whileAnotherInstanceRelaysThisOneWaitsAndTakesOverWhenItIsGone() throws Exception {
        relay.stop();
        try (Connection otherInstance = dataSource.getConnection()) {
            lock(otherInstance, "SELECT pg_advisory_lock(?)");
            relay.start();
            put("gunma-leader", gunmaPlan("gunma-leader"), null).then().statusCode(201);
            // Committed and waiting: this instance's relay does not publish while the other holds the lock.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                .until(() -> PlanPublishedAfterOutageTest.unpublished() == 1);
            assertThat(events("gunma-leader")).isEmpty();

            // The other instance goes away: its session's lock is released with it.
            lock(otherInstance, "SELECT pg_advisory_unlock(?)");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> events("gunma-leader").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> PlanPublishedAfterOutageTest.unpublished() == 0);
        given().when().get("/q/metrics").then().statusCode(200)
            .body(containsString("planeval_outbox_published_total{topic=\"planeval.plans\"}"), containsString("planeval_outbox_backlog "));
    }

    @Test
    void aRelayWhoseLockSessionIsKilledTakesTheLockAgainAndPublishes() throws Exception {
        put("gunma-before-kill", gunmaPlan("gunma-before-kill"), null).then().statusCode(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> events("gunma-before-kill").size() == 1);
        // The session holding the lock ends under the relay (an operator, a failover): its next wait finds out.
        try (Connection operator = dataSource.getConnection();
             PreparedStatement kill = operator.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_locks"
                 + " WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()")) {
            assertThat(kill.executeQuery().next()).isTrue();
        }
        put("gunma-after-kill", gunmaPlan("gunma-after-kill"), null).then().statusCode(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> events("gunma-after-kill").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> PlanPublishedAfterOutageTest.unpublished() == 0);
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, RelayLeadership.LOCK);
            statement.executeQuery().close();
        }
    }
}
