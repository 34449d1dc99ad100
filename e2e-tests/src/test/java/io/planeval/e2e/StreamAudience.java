package io.planeval.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many dashboards following one plan's evaluation stream at once: each an HTTP connection whose lines are read as
 * they arrive (no thread per stream), each recording when it received every {@code evaluation} event.
 */
final class StreamAudience implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Listener> listeners = new ArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();

    StreamAudience(String url, String bearerToken, int streams) {
        for (int i = 0; i < streams; i++) {
            Listener listener = new Listener();
            listeners.add(listener);
            client.sendAsync(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + bearerToken)
                    .header("Accept", "text/event-stream")
                    .GET().build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(listener));
        }
    }

    void awaitConnected(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (connected.get() < listeners.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(connected.get() + " of " + listeners.size() + " streams connected");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /**
     * Waits until no stream has received anything for {@code quiet}, then forgets what they received: changes the
     * evaluation was still sending from the load before are not receipts of the changes to come.
     */
    void settle(Duration quiet, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long seen = -1;
        long seenAt = System.nanoTime();
        while (System.nanoTime() - seenAt < quiet.toNanos()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the streams were still receiving after " + within);
            }
            long now = listeners.stream().mapToLong(listener -> listener.received.size()).sum();
            if (now != seen) {
                seen = now;
                seenAt = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        listeners.forEach(listener -> listener.received.clear());
    }

    /** Waits until every stream has received its {@code n}th event; each one's delay after {@code since} (nanos). */
    List<Long> awaitEach(int n, long since, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Long> delays = new ArrayList<>(listeners.size());
        for (Listener listener : listeners) {
            while (listener.received.size() < n) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("a stream received " + listener.received.size() + " of " + n + " events");
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            delays.add(listener.received.stream().skip(n - 1L).findFirst().orElseThrow() - since);
        }
        return delays;
    }

    @Override
    public void close() {
        listeners.forEach(Listener::cancel);
    }

    private final class Listener implements Flow.Subscriber<String> {

        final ConcurrentLinkedQueue<Long> received = new ConcurrentLinkedQueue<>();
        private volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            connected.incrementAndGet();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.equals("event: evaluation") || line.equals("event:evaluation")) {
                received.add(System.nanoTime());
            }
        }

        @Override
        public void onError(Throwable error) {
            // A stream that fails receives nothing more: awaitEach reports it.
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
