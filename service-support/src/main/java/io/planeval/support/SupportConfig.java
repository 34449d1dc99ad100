package io.planeval.support;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The tunables of what every service shares: its outbox, how it consumes events, its write limit ({@code planeval.*}). */
@ConfigMapping(prefix = "planeval")
public interface SupportConfig {

    Outbox outbox();

    Consumer consumer();

    WriteLimit writeLimit();

    Http http();

    interface Outbox {

        /**
         * Whether this instance may relay its outbox to Kafka; the instances of a service take turns by themselves
         * (RelayLeadership). Off only in tests that prove nothing is lost.
         */
        @WithDefault("true")
        boolean relayEnabled();

        /** The CloudEvents source attribute of this service's events. */
        @WithDefault("/planeval/${quarkus.application.name}")
        String source();

        /** Events sent per relay transaction. */
        @WithDefault("500")
        int batchSize();

        /**
         * How often the relay looks for events without being woken: the safety net for what a crash or a broker
         * outage left behind. Each commit wakes it at once.
         */
        @WithDefault("1s")
        Duration sweepInterval();

        /** Longest pause between attempts while Kafka cannot be reached. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How long published events stay in the table (for audit and replay) before they are purged. */
        @WithDefault("7d")
        Duration retention();

        /** Partitions of the topics the relay creates. */
        @WithDefault("3")
        int partitions();

        /** Replication factor of the topics the relay creates. */
        @WithDefault("1")
        short replicationFactor();

        /** Readiness reports DOWN when the oldest unpublished event is older than this. */
        @WithDefault("5m")
        Duration maxBacklogAge();

        /**
         * The largest event payload, in bytes, a change may produce: a larger change is refused (413) before it is
         * stored. The producer's max.request.size and the created topics' max.message.bytes are this plus
         * {@value io.planeval.support.outbox.OutboxRelay#RECORD_OVERHEAD_BYTES} bytes for key, headers and framing.
         */
        @WithDefault("1000000")
        int maxEventBytes();
    }

    interface Consumer {

        /**
         * Attempts at applying a batch of events together while the database is reachable; then its events are
         * applied one at a time, so that the events before one that keeps failing are not held up by it. A single
         * event is attempted until it is applied: only one that can never be applied (poison) is parked.
         */
        @WithDefault("3")
        int batchAttempts();

        /** Longest pause between attempts. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    interface WriteLimit {

        /** Writes a client may make per minute, up to that many at once; 0: no limit. */
        @WithDefault("600")
        int perMinute();

        /** Another limit for some clients, by client id (e.g. a county's batch system). */
        Map<String, Integer> clients();
    }

    interface Http {

        /**
         * How long a request's body may take to arrive once its headers have: a client that stalls (or sends less
         * than its Content-Length) gets 408 and the connection is closed. Long enough for the largest bulk post over
         * a slow link.
         */
        @WithDefault("60s")
        Duration bodyTimeout();
    }
}
