package io.planeval.evaluation.opendata;

import java.time.Instant;
import java.util.List;

import io.planeval.contracts.Vocabulary.NarrativeSubject;
import io.planeval.evaluation.readmodel.ReadModel;

/** One narrative in force for one fiscal year: a node's written evaluation, or an indicator's causes and actions. */
record NarrativeRow(ReadModel.PlanSnapshot plan, NarrativeSubject subject, String code, String name, int fiscalYear, int revision,
                    String evaluation, List<String> highlights, String causes, String actions, Instant writtenAt) {
}
