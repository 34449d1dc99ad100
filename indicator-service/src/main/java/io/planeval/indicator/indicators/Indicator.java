package io.planeval.indicator.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.Direction;
import io.planeval.contracts.Vocabulary.IndicatorKind;
import io.planeval.contracts.Vocabulary.Method;
import io.planeval.support.decimal.Decimals;
import io.planeval.support.fiscal.FiscalYears;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_code", nullable = false)
    public String planCode;

    @Column(nullable = false)
    public String code;

    @Column(name = "node_code", nullable = false)
    public String nodeCode;

    @Column(nullable = false)
    public IndicatorKind kind;

    @Column(nullable = false)
    public String name;

    public String unit;

    @Column(name = "baseline_value", precision = 20, scale = 6)
    public BigDecimal baselineValue;

    @Column(name = "baseline_fiscal_year")
    public Integer baselineFiscalYear;

    @Column(name = "target_value", precision = 20, scale = 6)
    public BigDecimal targetValue;

    @Column(name = "target_text")
    public String targetText;

    @Column(name = "target_fiscal_year")
    public Integer targetFiscalYear;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<IndicatorDocument.Milestone> milestones;

    @Column(nullable = false)
    public Direction direction;

    @Column(nullable = false)
    public Method method;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "related_kpis", nullable = false, columnDefinition = "jsonb")
    public List<String> relatedKpis;

    public String department;

    /** Whose reporters post its measurements (their tokens' org claim); null: operations only. */
    public String organisation;

    @Column(name = "source_system")
    public String sourceSystem;

    public String note;

    /** The indicator of an earlier plan this one continues (both null: none). */
    @Column(name = "predecessor_plan_code")
    public String predecessorPlanCode;

    @Column(name = "predecessor_code")
    public String predecessorCode;

    /** Its dimensions and how its members make its whole, as normalized (null: not broken down). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public IndicatorDocument.Breakdown breakdown;

    /** How its figure is computed from others of the plan (null: it is reported). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public IndicatorDocument.Formula formula;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Who made the last change. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "changed_by", columnDefinition = "jsonb")
    public Actor changedBy;

    public static Optional<Indicator> find(String planCode, String code) {
        return find("planCode = ?1 and code = ?2", planCode, code).firstResultOptional();
    }

    /** Another indicator of the plan whose code differs from this one only by case: codes are told apart without it. */
    public static Optional<Indicator> findSameButForCase(String planCode, String code) {
        return find("planCode = ?1 and lower(code) = lower(?2) and code <> ?2", planCode, code).firstResultOptional();
    }

    public static Optional<Indicator> findForUpdate(String planCode, String code) {
        return find("planCode = ?1 and code = ?2", planCode, code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean isQualitative() {
        return direction == Direction.QUALITATIVE;
    }

    void copyFrom(IndicatorDocument doc) {
        nodeCode = doc.nodeCode();
        kind = doc.kind();
        name = doc.name();
        unit = doc.unit();
        baselineValue = doc.baseline() == null ? null : doc.baseline().value();
        baselineFiscalYear = doc.baseline() == null ? null : doc.baseline().fiscalYear();
        targetValue = doc.target() == null ? null : doc.target().value();
        targetText = doc.target() == null ? null : doc.target().text();
        targetFiscalYear = doc.target() == null ? null : doc.target().fiscalYear();
        milestones = doc.milestones();
        direction = doc.direction();
        method = doc.method();
        relatedKpis = doc.relatedKpis();
        department = doc.department();
        organisation = doc.organisation();
        sourceSystem = doc.sourceSystem();
        note = doc.note();
        predecessorPlanCode = doc.predecessor() == null ? null : doc.predecessor().planCode();
        predecessorCode = doc.predecessor() == null ? null : doc.predecessor().indicatorCode();
        breakdown = doc.breakdown();
        formula = doc.formula();
    }

    public IndicatorDocument toDocument() {
        IndicatorDocument.Baseline baseline = baselineFiscalYear == null ? null : new IndicatorDocument.Baseline(
            Decimals.canonical(baselineValue), baselineFiscalYear, FiscalYears.label(baselineFiscalYear));
        List<IndicatorDocument.Milestone> canonicalMilestones = milestones.stream()
            .map(m -> new IndicatorDocument.Milestone(m.fiscalYear(), Decimals.canonical(m.value())))
            .toList();
        IndicatorDocument.Target target = targetFiscalYear == null ? null : new IndicatorDocument.Target(
            Decimals.canonical(targetValue), targetText, targetFiscalYear, FiscalYears.label(targetFiscalYear));
        return new IndicatorDocument(planCode, code, nodeCode, kind, name, unit, baseline, target,
            canonicalMilestones, direction, method, relatedKpis, department, organisation, sourceSystem, note,
            predecessorPlanCode == null ? null : new IndicatorDocument.Predecessor(predecessorPlanCode, predecessorCode), breakdown, formula, version,
            updatedAt, changedBy);
    }
}
