package io.planeval.support.notice;

import java.util.function.Consumer;

/**
 * A service's background loop on a daemon thread of its own, such as a worker that follows a channel's notices: it
 * goes on while {@link #running}; {@link #stop} ends it, interrupting a wait (a socket read is not interrupted, so
 * such a wait must have a timeout) and waiting for the thread a few seconds.
 */
public final class BackgroundLoop {

    private volatile boolean running = true;
    private final Thread thread;

    private BackgroundLoop(String name, Consumer<BackgroundLoop> body) {
        thread = new Thread(() -> body.accept(this), name);
        thread.setDaemon(true);
    }

    /** Starts {@code body} on a thread of this name; it loops while the loop it is given is {@link #running}. */
    public static BackgroundLoop start(String name, Consumer<BackgroundLoop> body) {
        BackgroundLoop loop = new BackgroundLoop(name, body);
        loop.thread.start();
        return loop;
    }

    public boolean running() {
        return running;
    }

    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
