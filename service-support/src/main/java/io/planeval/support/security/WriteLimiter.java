package io.planeval.support.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.planeval.support.SupportConfig;
import io.planeval.support.problem.ProblemException;

/**
 * Each client's writes, limited per minute (a token bucket: up to a minute's worth at once, refilled evenly), so
 * that one runaway county system cannot crowd out the others. Beyond it: 429 with Retry-After, nothing changed.
 * It runs once the caller is known and allowed, so refusals for a bad token or a missing role are not counted. The
 * limit is per instance of a service.
 */
@WriteLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class WriteLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    Caller caller;

    @Inject
    SupportConfig config;

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        String client = caller.client() != null ? caller.client() : String.valueOf(caller.subject());
        int perMinute = config.writeLimit().clients().getOrDefault(client, config.writeLimit().perMinute());
        if (perMinute > 0) {
            ConsumptionProbe probe = buckets.computeIfAbsent(client, key -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build())
                .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                throw ProblemException.tooManyRequests("Client " + client + " may make " + perMinute
                    + " writes a minute and has made them; retry after " + seconds + " s", (int) seconds);
            }
        }
        return invocation.proceed();
    }
}
