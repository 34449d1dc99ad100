package io.planeval.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums samples read from a Prometheus text page. A sample line is {@code name{labels} value}, and one counted inside
 * a traced request carries an exemplar after its value ({@code 571.0 # {span_id="…"} 1.0 1796670925.034}), so the
 * value is the first number after the name, never the line's last word.
 */
public final class MetricSamples {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)(?: # .*)?$");

    private MetricSamples() {
    }

    /** The sum of the samples of this name whose labels contain every fragment given ({@code topic="planeval.plans"}); 0 for none. */
    public static double sum(String page, String name, String... labelFragments) {
        double sum = 0;
        for (String line : page.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(name) && hasAll(sample.group(2), labelFragments)) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    private static boolean hasAll(String labels, String... fragments) {
        for (String fragment : fragments) {
            if (labels == null || !labels.contains(fragment)) {
                return false;
            }
        }
        return true;
    }
}
