package io.planeval.plan.plans;

import static io.planeval.plan.plans.PlanApiTest.events;
import static io.planeval.plan.plans.PlanApiTest.gunmaPlan;
import static io.planeval.plan.plans.PlanApiTest.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.planeval.contracts.PlanChanged;
import io.planeval.support.outbox.OutboxEvent;
import io.planeval.testsupport.TestKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlanPublishedAfterOutageTest {

    @AfterEach
    void brokerBack() {
        TestKafkaBroker.shared().start();
    }

    static long unpublished() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("publishedAt is null and parkedAt is null"));
    }

    @Test
    void aChangeMadeWhileKafkaIsDownIsPublishedWhenItIsBack() {
        put("gunma-outage", gunmaPlan("gunma-outage"), null).then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> events("gunma-outage").size() == 1);

        TestKafkaBroker.shared().stop();
        put("gunma-outage", gunmaPlan("gunma-outage").put("vision", "停止中の変更"), null).then().statusCode(200);
        // Committed, waiting in the outbox: the relay keeps trying while the broker is away.
        assertThat(unpublished()).isEqualTo(1);

        TestKafkaBroker.shared().start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(events("gunma-outage")).extracting(PlanChanged::version).containsExactly(1L, 2L));
        assertThat(events("gunma-outage").get(1).plan().vision()).isEqualTo("停止中の変更");
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished() == 0);
    }
}
