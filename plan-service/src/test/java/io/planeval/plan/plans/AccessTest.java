package io.planeval.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.planeval.contracts.PlanChanged;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;

/** Only plan administrators change plans, any authenticated caller reads them, and every change keeps who made it. */
@QuarkusTest
class AccessTest {

    static final String READER = TestIdentity.token("dashboard", null, List.of("reader"));
    static final String REPORTER = TestIdentity.token("reporter-a", "org-a", List.of("reporter", "reader"));
    static final String ADMIN = TestIdentity.token("plan-office", "gyokaku", List.of("plan-admin", "reader"));

    @Test
    void onlyPlanAdministratorsChangePlansAndEachChangeKeepsItsAuthor() {
        String code = "plan-access";
        ObjectNode plan = PlanApiTest.gunmaPlan(code);
        plan.put("openData", true);
        for (String token : new String[] {null, READER, REPORTER}) {
            TestIdentity.as(token).contentType("application/json").body(plan.toString()).when().put("/api/v1/plans/{c}", code)
                .then().statusCode(token == null ? 401 : 403).contentType(startsWith("application/problem+json"));
        }
        TestIdentity.as(READER).when().get("/api/v1/plans/{c}", code).then().statusCode(404);
        assertThat(PlanApiTest.events(code)).isEmpty();

        TestIdentity.as(ADMIN).contentType("application/json").body(plan.toString()).when().put("/api/v1/plans/{c}", code)
            .then().statusCode(201);
        TestIdentity.as(READER).when().get("/api/v1/plans/{c}", code).then().statusCode(200)
            .body("openData", equalTo(true))
            .body("changedBy.client", equalTo("plan-office"))
            .body("changedBy.organisation", equalTo("gyokaku"))
            .body("changedBy.subject", equalTo("service-account-plan-office"));
        TestIdentity.as(null).when().get("/api/v1/plans/{c}", code).then().statusCode(401);
        TestIdentity.as(REPORTER).contentType("application/merge-patch+json").body("{\"name\": \"変更\"}")
            .when().patch("/api/v1/plans/{c}/nodes/{n}", code, "G1").then().statusCode(403);

        await().atMost(Duration.ofSeconds(10)).until(() -> PlanApiTest.events(code).size() == 1);
        PlanChanged event = PlanApiTest.events(code).get(0);
        assertThat(event.changedBy().client()).isEqualTo("plan-office");
        assertThat(event.plan().openData()).isTrue();
    }
}
