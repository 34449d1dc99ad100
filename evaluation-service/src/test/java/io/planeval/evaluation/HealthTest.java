package io.planeval.evaluation;

import io.planeval.testsupport.ServiceSmokeTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ServiceSmokeTest {
}
