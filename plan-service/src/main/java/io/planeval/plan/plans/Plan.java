package io.planeval.plan.plans;

import io.planeval.contracts.Vocabulary.PlanStatus;
import io.planeval.contracts.Vocabulary.ReviewPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.planeval.contracts.Actor;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(name = "first_fiscal_year", nullable = false)
    public int firstFiscalYear;

    @Column(name = "last_fiscal_year", nullable = false)
    public int lastFiscalYear;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> levels;

    public String vision;

    @Column(nullable = false)
    public PlanStatus status;

    @Column(name = "open_data", nullable = false)
    public boolean openData;

    @Column(nullable = false)
    public ReviewPolicy review = ReviewPolicy.NONE;

    @Column(name = "causes_required", nullable = false)
    public boolean causesRequired = true;

    /** Our own optimistic-locking counter: bumped only when the content really changes (node edits included). */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Who made the last change. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "changed_by", columnDefinition = "jsonb")
    public Actor changedBy;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<PlanNode> nodes = new ArrayList<>();

    public static Optional<Plan> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The plan, locked for this transaction, so that version checks and writes are serialised. */
    public static Optional<Plan> findByCodeForUpdate(String code) {
        return find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
