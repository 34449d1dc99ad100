package io.planeval.indicator.measurements;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.planeval.contracts.Actor;
import io.planeval.contracts.Vocabulary.ReviewState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reviewer's decision on a submitted revision: one per revision, never changed. */
@Entity
@Table(name = "measurement_review")
public class MeasurementReview extends PanacheEntityBase {

    @Id
    @Column(name = "measurement_id")
    public Long measurementId;

    /** approved or returned */
    @Column(nullable = false)
    public ReviewState decision;

    public String reason;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "decided_by", columnDefinition = "jsonb")
    public Actor decidedBy;
}
