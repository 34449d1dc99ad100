package io.planeval.evaluation;

import io.planeval.testsupport.KafkaBrokerResource;
import io.planeval.testsupport.PostgresDatabaseResource;
import io.planeval.testsupport.TestIdentity;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test of this module runs against the real PostgreSQL (its own database), the in-JVM Kafka broker and SMTP server, and
 * calls with real signed tokens checked against the test key.
 */
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestIdentity.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = "database", value = "planeval_evaluation_test"))
final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
