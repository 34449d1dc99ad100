package io.planeval.evaluation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.ext.mail.StartTLSOptions;

/** evaluation-service's own tunables ({@code planeval.evaluation.*}); what all services share is in SupportConfig. */
@ConfigMapping(prefix = "planeval.evaluation")
public interface EvaluationConfig {

    Stream stream();

    /** The reminders of reporting seasons, and the SMTP server they go through. */
    Reminders reminders();

    /** Deliveries of events to other systems' webhooks. */
    Webhooks webhooks();

    /**
     * Where readers reach the dashboard (scheme, host and port): the realm sends a reader back there after signing in
     * and out, and a sign-in or sign-out asked under another Host is refused, so that no redirect repeats what a client
     * wrote in its Host header.
     */
    @WithDefault("http://127.0.0.1:8083")
    URI publicUrl();

    /**
     * How long a shared cache (CDN, proxy) may serve an open-data plan's evaluation before it asks again (with its
     * ETag, so an unchanged one costs a 304); other plans' are never kept by shared caches.
     */
    @WithDefault("10s")
    Duration publicMaxAge();

    /**
     * How much of its heap each instance gives the current reports (plan and year) it keeps ready, counted in the
     * bytes of their JSON (reports of large plans are large: the bound is in bytes, not reports); the least read go
     * first.
     */
    @WithDefault("32M")
    MemorySize reportCacheMemory();

    /**
     * How long an instance trusts a plan's generation and openness kept in memory without a notice: each commit that
     * changes a plan tells every instance at once, so this bounds only what a notice lost with a connection costs.
     */
    @WithDefault("1s")
    Duration planStateMaxAge();

    /**
     * How often each instance looks for figures still being tallied after their expected date, to announce each once
     * (the scheduler reads it as {@code planeval.evaluation.overdue-check-interval}).
     */
    @WithDefault("10m")
    Duration overdueCheckInterval();

    /**
     * The sites (origins such as https://www.pref.gunma.jp) whose pages may frame the dashboard's embeddable parts of
     * open-data plans ({@code /embed/…}); 'self' alone by default. Every other page of the dashboard is never framed.
     */
    @WithDefault("'self'")
    List<String> embedAncestors();

    /** The largest file of evidence (an attachment) taken; larger ones are refused with 413 and nothing stored. */
    @WithDefault("10M")
    MemorySize attachmentMaxSize();

    /**
     * The Japanese TrueType font the committee pack's PDF is set in and embeds (Debian's fonts-ipaexfont-gothic by
     * default, which the container image carries too).
     */
    @WithDefault("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
    String packFont();

    interface Stream {

        /**
         * How often each instance looks for changes to push when no notice woke it: each commit that logs changes
         * wakes every instance at once, so this is the safety net (a notice lost with a connection, or a change
         * that became readable only when an older transaction ended).
         */
        @WithDefault("200ms")
        Duration pollInterval();

        /** How long changes are kept for clients that reconnect with Last-Event-ID. */
        @WithDefault("7d")
        Duration retention();

        /** A comment this often keeps idle connections open through proxies. */
        @WithDefault("15s")
        Duration keepAlive();
    }

    interface Reminders {

        /**
         * How often each instance looks for reminder steps that are due (the scheduler reads it as
         * {@code planeval.evaluation.reminders.check-interval}); each step goes out once between all instances.
         */
        @WithDefault("10m")
        Duration checkInterval();

        /** Where organisations reach indicator-service (scheme, host and port), for the link to their reporting workbook. */
        @WithDefault("http://127.0.0.1:8082")
        URI reportingUrl();

        /** The SMTP server's host; without one no reminder is sent (nor claimed, so none is lost). */
        Optional<String> smtpHost();

        @WithDefault("25")
        int smtpPort();

        Optional<String> smtpUsername();

        Optional<String> smtpPassword();

        /** STARTTLS: optional (used where the server offers it), required, or disabled. */
        @WithDefault("optional")
        StartTLSOptions startTls();

        /** The sender of reminders. */
        @WithDefault("planeval@example.jp")
        String from();

        /** How long one message may take to hand over before it counts as failed (and is tried again next round). */
        @WithDefault("30s")
        Duration smtpTimeout();
    }

    interface Webhooks {

        /**
         * Hosts a webhook may use over plain http and at a private, loopback or link-local address (e.g. 127.0.0.1 for a
         * local run); every other host must be https at a public address.
         */
        Optional<List<String>> allowedHosts();

        /** How often each instance looks for deliveries due (the scheduler reads {@code planeval.evaluation.webhooks.delivery-interval}). */
        @WithDefault("1s")
        Duration deliveryInterval();

        /** The pause after the first failed attempt; it doubles after each further one, up to an hour. */
        @WithDefault("5s")
        Duration firstRetry();

        /** How long a delivery is retried; then it is given up on and its subscription marked failing. */
        @WithDefault("24h")
        Duration retryFor();

        /** How long one attempt may take, connecting and answering. */
        @WithDefault("10s")
        Duration timeout();
    }
}
