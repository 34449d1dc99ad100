package io.planeval.indicator.measurements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.MeasurementStatus;
import io.planeval.contracts.Vocabulary.Outcome;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.planeval.indicator.indicators.Indicator;
import io.planeval.support.members.MemberKeys;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One revision of a measurement; never updated or deleted once stored. */
@Entity
@Table(name = "measurement")
public class Measurement extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "measurement_seq", sequenceName = "measurement_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "measurement_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    public Integer quarter;

    public Integer month;

    /** The members it is for ({@link MemberKeys}); empty for the indicator's own figure. Revisions count per member key. */
    @Column(name = "member_key", nullable = false)
    public String memberKey = MemberKeys.WHOLE;

    @Column(nullable = false)
    public int revision;

    @Column(precision = 20, scale = 6)
    public BigDecimal value;

    public Outcome outcome;

    @Column(nullable = false)
    public MeasurementStatus status;

    @Column(name = "expected_date")
    public LocalDate expectedDate;

    @Column(name = "describes_date")
    public LocalDate describesDate;

    @Column(name = "source_system")
    public String sourceSystem;

    public String note;

    /** Why a figure already reported is changed: set on a correction (the only way into a locked year). */
    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** approved: counted at once; submitted: waits for a reviewer (the plan required review when it was posted). */
    @Column(nullable = false)
    public ReviewState review;

    /** Who posted it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "recorded_by", columnDefinition = "jsonb")
    public Actor recordedBy;
}
