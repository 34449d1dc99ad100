package io.planeval.evaluation.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.planeval.evaluation.readmodel.PlanStates;
import io.planeval.support.security.Caller;
import io.planeval.support.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Who may read a plan's evaluation: a reader, or anybody at all where the plan is open data (its latest version
 * says so, whatever moment is asked about). Without a token, a plan that is not open data is not even said to exist.
 */
@ApplicationScoped
public class ReadAccess {

    @Inject
    Caller caller;

    @Inject
    PlanStates planStates;

    /** Refuses a caller who may not read the plan's evaluation; to one who may, says whether it is open data (anybody's). */
    public boolean openDataIfReadable(String planCode) {
        boolean openData = openData(planCode);
        if (openData || caller.hasRole(Roles.READER)) {
            return openData;
        }
        throw caller.isAnonymous() ? new UnauthorizedException() : new ForbiddenException();
    }

    /** Whether the caller may read the plan's evaluation: where another plan's answer reaches into it. */
    public boolean mayRead(String planCode) {
        return caller.hasRole(Roles.READER) || openData(planCode);
    }

    private boolean openData(String planCode) {
        return planStates.get(planCode).map(PlanStates.PlanState::openData).orElse(false);
    }
}
