package io.planeval.evaluation.dashboard;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.planeval.support.time.Moments;
import io.quarkus.qute.TemplateExtension;

/** When a figure was recorded, as the dashboard prints it: to the minute, Japan time ({@code {item.recordedAt.recorded}}). */
@TemplateExtension
final class Recorded {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Moments.JAPAN);

    private Recorded() {
    }

    static String recorded(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}
