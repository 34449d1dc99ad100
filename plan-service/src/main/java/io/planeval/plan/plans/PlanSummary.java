package io.planeval.plan.plans;

import io.planeval.contracts.Vocabulary.PlanStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.planeval.support.fiscal.FiscalYears;

@Schema(name = "PlanSummary", description = "One line of the plan list")
public record PlanSummary(
    String code,
    String title,
    int firstFiscalYear,
    String firstFiscalYearLabel,
    int lastFiscalYear,
    String lastFiscalYearLabel,
    PlanStatus status,
    long version,
    int nodeCount) {

    static PlanSummary of(Plan plan, int nodeCount) {
        return new PlanSummary(plan.code, plan.title, plan.firstFiscalYear, FiscalYears.label(plan.firstFiscalYear),
            plan.lastFiscalYear, FiscalYears.label(plan.lastFiscalYear), plan.status, plan.version, nodeCount);
    }
}
