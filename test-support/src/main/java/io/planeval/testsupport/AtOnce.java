package io.planeval.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same request from many clients at once, as racing county systems would send it. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Sends {@code request} {@code times} times from 16 threads; returns each answer's HTTP status. */
    public static List<Integer> statuses(int times, Callable<Integer> request) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(Collections.nCopies(times, request))) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
