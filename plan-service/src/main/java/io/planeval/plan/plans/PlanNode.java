package io.planeval.plan.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "plan_node")
public class PlanNode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @Column(nullable = false)
    public String code;

    public String label;

    @Column(nullable = false)
    public String title;

    public String description;

    @Column(nullable = false)
    public int level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(nullable = false)
    public int position;

    public String note;

    void copyFrom(NodeDocument doc) {
        code = doc.code();
        label = doc.label();
        title = doc.title();
        description = doc.description();
        level = doc.level();
        parentCode = doc.parent();
        position = doc.position();
        note = doc.note();
    }

    NodeDocument toDocument(String levelName) {
        return new NodeDocument(code, label, title, description, level, levelName, parentCode, position, note);
    }
}
