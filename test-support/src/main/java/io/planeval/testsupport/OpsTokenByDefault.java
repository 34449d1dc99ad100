package io.planeval.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every RestAssured request of a {@code @QuarkusTest} carries the operations client's token unless the test gives its
 * own Authorization header, so tests of behaviour need not repeat it and tests of access say exactly who calls (an
 * empty header: nobody).
 */
public class OpsTokenByDefault implements QuarkusTestBeforeEachCallback {

    private static final Filter OPS_TOKEN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TestIdentity.ops());
        } else if (request.getHeaders().getValue("Authorization").isEmpty()) {
            request.removeHeader("Authorization");
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(OPS_TOKEN)) {
            RestAssured.filters(OPS_TOKEN);
        }
    }
}
