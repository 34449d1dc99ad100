package io.planeval.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What deploy/monitoring asks Prometheus for: the alert rules' and the Grafana dashboard's metric names. */
final class Monitoring {

    private static final Pattern METRIC = Pattern.compile("\\b((?:planeval|kafka_consumer|http_server|jvm)_[a-z_]+)\\b");

    private Monitoring() {
    }

    static Set<String> metricNames() {
        try {
            String rules = Files.readString(Processes.ROOT.resolve("deploy/monitoring/monitoring.yaml"));
            String dashboard = Files.readString(Processes.ROOT.resolve("deploy/monitoring/planeval-dashboard.json"));
            Set<String> names = new TreeSet<>();
            for (String text : new String[] {rules, dashboard}) {
                Matcher matcher = METRIC.matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
