package io.planeval.plan;

import io.planeval.testsupport.ServiceSmokeTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ServiceSmokeTest {
}
