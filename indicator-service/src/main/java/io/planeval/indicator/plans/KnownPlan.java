package io.planeval.indicator.plans;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.planeval.contracts.Vocabulary.ReviewPolicy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A plan as plan-service last published it: what indicator-service needs to check codes and years. */
@Entity
@Table(name = "known_plan")
public class KnownPlan extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public long version;

    @Column(name = "first_fiscal_year", nullable = false)
    public int firstFiscalYear;

    @Column(name = "last_fiscal_year", nullable = false)
    public int lastFiscalYear;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "node_codes", nullable = false, columnDefinition = "jsonb")
    public List<String> nodeCodes;

    /** Whether the plan's new revisions wait for a reviewer's approval before they count. */
    @Column(nullable = false)
    public ReviewPolicy review = ReviewPolicy.NONE;

    public boolean covers(int fiscalYear) {
        return fiscalYear >= firstFiscalYear && fiscalYear <= lastFiscalYear;
    }
}
