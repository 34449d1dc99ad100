package io.planeval.evaluation.live;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import io.planeval.evaluation.EvaluationConfig;
import io.planeval.evaluation.readmodel.ReadModel;
import io.planeval.support.notice.BackgroundLoop;
import io.planeval.support.notice.ChannelListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Pushes each change of an indicator's result to the clients streaming its plan. Every instance reads the change
 * log in commit order, so a client of any instance sees every change, whichever instance evaluated it; a client
 * that reconnects with the last id it saw is first sent everything after it. Each instance reads the log as soon as
 * a recalculation on any instance commits (a PostgreSQL notice), and at least every poll interval.
 */
@ApplicationScoped
public class EvaluationStream {

    private static final Logger LOG = Logger.getLogger(EvaluationStream.class);
    private static final int PAGE = 1000;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private BackgroundLoop worker;
    /** The last change looked at; guarded by this. */
    private Position seen;

    @Inject
    ChangeLog log;

    @Inject
    EvaluationConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    /** A client: it is sent the plan's changes after {@code from}. */
    private record Subscriber(String planCode, SseEventSink sink, Sse sse, Position from) {
    }

    void onStart(@Observes StartupEvent event) {
        seen = log.latest();
        metrics.gaugeCollectionSize("planeval.evaluation.stream.clients", List.of(), subscribers);
        worker = BackgroundLoop.start("evaluation-stream", this::run);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
        subscribers.forEach(s -> s.sink().close());
    }

    /** The position of the last change sent: a page rendered now asks the stream for what comes after it. */
    public synchronized String position() {
        return seen.toString();
    }

    /**
     * Streams the plan's changes to this client from now on; after a reconnection ({@code Last-Event-ID}) or from
     * where a page was rendered ({@code after}), first every change after that one (and {@code reset} first if it is
     * no longer kept, so the client reloads what it shows).
     */
    public void subscribe(String planCode, SseEventSink sink, Sse sse, String lastEventId, String after) {
        boolean resumed = lastEventId != null && !lastEventId.isBlank();
        String from = resumed ? lastEventId : after;
        subscribe(planCode, sink, sse, from == null || from.isBlank() ? null : Position.parse(resumed ? "Last-Event-ID" : "after", from));
    }

    private synchronized void subscribe(String planCode, SseEventSink sink, Sse sse, Position lastSeen) {
        sink.send(sse.newEventBuilder().comment("planeval evaluation stream of " + planCode).reconnectDelay(1000).build());
        Subscriber replaying = new Subscriber(planCode, sink, sse, lastSeen);
        if (lastSeen != null) {
            if (!log.kept(lastSeen)) {
                send(replaying, sse.newEventBuilder().name("reset").data("changes after " + lastSeen + " are no longer kept").build());
            }
            Position from = lastSeen;
            while (from.compareTo(seen) < 0) {
                List<ChangeLog.Entry> entries = log.after(from, planCode, PAGE);
                entries = entries.stream().filter(e -> e.position().compareTo(seen) <= 0).toList();
                if (entries.isEmpty()) {
                    break;
                }
                entries.forEach(entry -> send(replaying, event(sse, entry)));
                from = entries.get(entries.size() - 1).position();
            }
        }
        subscribers.add(new Subscriber(planCode, sink, sse, lastSeen == null || lastSeen.compareTo(seen) < 0 ? seen : lastSeen));
    }

    private void run(BackgroundLoop loop) {
        try (ChannelListener notices = new ChannelListener(dataSource, ReadModel.CHANGED_CHANNEL)) {
            follow(notices, loop);
        }
    }

    /** Reads the log whenever a recalculation on any instance commits, and at least every poll interval. */
    private void follow(ChannelListener notices, BackgroundLoop loop) {
        long lastKeepAlive = System.nanoTime();
        long lastPrune = 0;
        while (loop.running()) {
            try {
                int found = poll();
                if (System.nanoTime() - lastKeepAlive > config.stream().keepAlive().toNanos()) {
                    subscribers.forEach(s -> send(s, s.sse().newEventBuilder().comment("").build()));
                    lastKeepAlive = System.nanoTime();
                }
                if (System.nanoTime() - lastPrune > 3_600_000_000_000L || lastPrune == 0) {
                    log.prune(Instant.now().minus(config.stream().retention()));
                    lastPrune = System.nanoTime();
                }
                if (found < PAGE) {
                    notices.await(config.stream().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "Reading the change log failed; trying again");
                sleepQuietly();
            }
        }
    }

    private synchronized int poll() {
        List<ChangeLog.Entry> entries = log.after(seen, null, PAGE);
        subscribers.removeIf(s -> s.sink().isClosed());
        for (ChangeLog.Entry entry : entries) {
            // Written once for all its plan's clients, however many: serialising per client was the cost of a change.
            OutboundSseEvent event = null;
            for (Subscriber subscriber : subscribers) {
                if (subscriber.planCode().equals(entry.change().planCode()) && entry.position().compareTo(subscriber.from()) > 0) {
                    if (event == null) {
                        event = event(subscriber.sse(), entry);
                    }
                    send(subscriber, event);
                }
            }
            seen = entry.position();
        }
        return entries.size();
    }

    /**
     * The change as its SSE event, its JSON written here: an event's data carries no media type on the wire, and as
     * text it goes out as it is, to every client.
     */
    private OutboundSseEvent event(Sse sse, ChangeLog.Entry entry) {
        String json;
        try {
            json = objectMapper.writeValueAsString(entry.change());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return sse.newEventBuilder()
            .id(entry.position().toString())
            .name("evaluation")
            .mediaType(MediaType.TEXT_PLAIN_TYPE)
            .data(String.class, json)
            .build();
    }

    private void send(Subscriber subscriber, OutboundSseEvent event) {
        if (subscriber.sink().isClosed()) {
            subscribers.remove(subscriber);
            return;
        }
        subscriber.sink().send(event).exceptionally(failure -> {
            subscribers.remove(subscriber);
            subscriber.sink().close();
            return null;
        });
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
