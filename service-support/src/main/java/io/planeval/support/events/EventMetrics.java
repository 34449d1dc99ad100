package io.planeval.support.events;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What a consuming service records of the events it applied: how many per topic ({@code planeval.events.applied})
 * and how long after the change that made each one it took effect here ({@code planeval.events.freshness}, from the
 * event's CloudEvents time, a histogram).
 */
@ApplicationScoped
public class EventMetrics {

    @Inject
    MeterRegistry registry;

    /** Call once the transaction that applied these events committed. */
    public void applied(Iterable<ConsumerRecord<String, String>> records) {
        Instant now = Instant.now();
        // A batch holds thousands of events of a few topics: each topic's meters are looked up once.
        Map<String, Timer> freshness = new HashMap<>();
        Map<String, Integer> applied = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            applied.merge(record.topic(), 1, Integer::sum);
            CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME).ifPresent(time -> {
                try {
                    Duration age = Duration.between(Instant.parse(time), now);
                    freshness.computeIfAbsent(record.topic(), this::freshness).record(age);
                } catch (DateTimeParseException e) {
                    // An event without a readable time is applied all the same; it is not timed.
                }
            });
        }
        applied.forEach((topic, count) -> registry.counter("planeval.events.applied", "topic", topic).increment(count));
    }

    private Timer freshness(String topic) {
        return Timer.builder("planeval.events.freshness")
            .description("From the change that made an event to the commit that applied it here")
            .tag("topic", topic)
            .publishPercentileHistogram()
            .register(registry);
    }
}
