package io.planeval.evaluation.opendata;

import io.planeval.evaluation.attainment.Evaluation;
import io.planeval.evaluation.attainment.PlanNode;
import io.planeval.evaluation.readmodel.ReadModel;

/** One indicator's result for one fiscal year, with the plan and goal it belongs to. */
record OpenDataRow(ReadModel.PlanSnapshot plan, PlanNode goal, Evaluation evaluation) {
}
