package io.planeval.evaluation.dashboard;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

import io.planeval.evaluation.completeness.Completeness.OrganisationCompleteness;

/** How the completeness table is sorted, by the column the evaluation office clicked (?sort=); the most owed first by default. */
enum CompletenessOrder {
    OWING(Comparator.comparingInt((OrganisationCompleteness p) -> p.outstanding().size()).reversed()),
    ORGANISATION(Comparator.comparing((OrganisationCompleteness p) -> Objects.toString(p.name(), Objects.toString(p.organisation(), "")))),
    EXPECTED(Comparator.comparingInt((OrganisationCompleteness p) -> p.counts().expected()).reversed()),
    FINAL(Comparator.comparingInt((OrganisationCompleteness p) -> p.counts().reportedFinal())),
    MISSING(Comparator.comparingInt((OrganisationCompleteness p) -> p.counts().missing()).reversed()),
    OVERDUE(Comparator.comparingInt((OrganisationCompleteness p) -> p.counts().overdue()).reversed());

    final Comparator<OrganisationCompleteness> comparator;

    CompletenessOrder(Comparator<OrganisationCompleteness> comparator) {
        this.comparator = comparator.thenComparing(p -> Objects.toString(p.organisation(), ""))
            .thenComparing(p -> Objects.toString(p.department(), ""));
    }

    /** The order a query word names; the default for none or another word. */
    static CompletenessOrder of(String word) {
        for (CompletenessOrder order : values()) {
            if (order.word().equals(word)) {
                return order;
            }
        }
        return OWING;
    }

    /** As the query and the template name it. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
