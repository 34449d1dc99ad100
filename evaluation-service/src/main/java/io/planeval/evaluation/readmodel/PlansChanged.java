package io.planeval.evaluation.readmodel;

import java.util.Set;

/** CDI event, fired after a commit: these plans' current results changed (null: all of them, after a rebuild). */
public record PlansChanged(Set<String> planCodes) {

    public boolean includes(String planCode) {
        return planCodes == null || planCodes.contains(planCode);
    }
}
