package io.planeval.indicator;

import io.planeval.testsupport.ServiceSmokeTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ServiceSmokeTest {
}
