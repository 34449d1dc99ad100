package io.planeval.support.events;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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
        for (ConsumerRecord<String, String> record : records) {
            registry.counter("planeval.events.applied", "topic", record.topic()).increment();
            CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME).ifPresent(time -> {
                try {
                    Timer.builder("planeval.events.freshness")
                        .description("From the change that made an event to the commit that applied it here")
                        .tag("topic", record.topic())
                        .publishPercentileHistogram()
                        .register(registry)
                        .record(Duration.between(Instant.parse(time), now));
                } catch (DateTimeParseException e) {
                    // An event without a readable time is applied all the same; it is not timed.
                }
            });
        }
    }
}
