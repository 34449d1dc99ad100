package io.planeval.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.planeval.evaluation.SampleEvents;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.testsupport.KafkaTestProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Another instance applies a change to the shared read model: this instance's cached report must not outlive it.
 * The other instance is played by writing to the database what its apply writes: the revision, and the plan's
 * generation raised in the same transaction, with its notice at commit (this instance keeps the generation in memory
 * and learns of the change from that notice).
 */
@QuarkusTest
class ReportCacheAcrossInstancesTest {

    static final String PLAN = "ev-generation";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aChangeAppliedByAnotherInstanceIsServedAtOnce() throws Exception {
        KafkaTestProducer.sendAll(SampleEvents.all(PLAN, 300_000));
        CommitteeReportTest.awaitComplete(PLAN);
        assertThat(kgi3()).isEqualTo("189%");

        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement revision = otherInstance.prepareStatement("""
                    INSERT INTO measurement (measurement_id, plan_code, indicator_code, fiscal_year, revision, value, status, recorded_at)
                    VALUES (399999, ?, 'KGI3', 2024, 2, 30000, 'final', now())""")) {
                revision.setString(1, PLAN);
                revision.executeUpdate();
            }
            otherInstance.commit();
            // The revision alone (as if its generation were not raised) leaves this instance's cached report as it was...
            assertThat(kgi3()).isEqualTo("189%");
            try (PreparedStatement generation = otherInstance.prepareStatement(
                    "UPDATE plan_generation SET generation = generation + 1 WHERE plan_code = ?");
                 PreparedStatement notice = otherInstance.prepareStatement("SELECT pg_notify(?, '')")) {
                generation.setString(1, PLAN);
                assertThat(generation.executeUpdate()).isEqualTo(1);
                notice.setString(1, ReadModel.CHANGED_CHANNEL);
                notice.executeQuery().close();
            }
            otherInstance.commit();
        }
        // ...and the raised generation, which every apply commits with its change, makes it read the new figure as
        // soon as the notice arrives.
        await().atMost(Duration.ofSeconds(5)).until(() -> kgi3().equals("75%"));
    }

    private static String kgi3() {
        JsonPath report = CommitteeReportTest.report(PLAN, "?fiscalYear=2024");
        return report.getString("goals.find { it.code == 'GII' }.kgis.find { it.code == 'KGI3' }.attainment.display");
    }
}
