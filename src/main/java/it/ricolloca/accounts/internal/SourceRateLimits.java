package it.ricolloca.accounts.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets per source network ({@link SourceAddress#network}) for sign-ins and for calls with an API token,
 * kept in this node's memory: they stop floods, which a node must survive on its own, while the failures that
 * matter for guessing are counted in the database shared by every node ({@link SignInGuard}). With several nodes
 * behind a balancer a source may therefore make up to that many times the calls (ADR 0031). The buckets are
 * bounded: past {@code maxSources} the least recently used goes, so no flood of distinct addresses grows the
 * memory; a bucket that went is as good as a full one, which is all an evicted source can gain.
 */
@Component
@EnableConfigurationProperties(SourceLimitPolicy.class)
public class SourceRateLimits {

    /** What a bucket limits. */
    public enum Kind {
        SIGN_IN, API
    }

    /** The answer to one take: allowed, or refused with the time to wait; {@code first} marks a source's first refusal. */
    public record Take(boolean allowed, Duration retryAfter, boolean first) {
    }

    private static final class Bucket {
        double tokens;
        long at;
        boolean refusing;
    }

    private final SourceLimitPolicy policy;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    @Autowired
    SourceRateLimits(SourceLimitPolicy policy) {
        this(policy, System::nanoTime);
    }

    /** With a time source of its own (nanoseconds), so that a test moves time instead of waiting. */
    SourceRateLimits(SourceLimitPolicy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.nanoTime = nanoTime;
        int max = policy.maxSources();
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** One sign-in or call from a source: allowed while its bucket holds a token. */
    public Take take(Kind kind, String source) {
        String network = SourceAddress.network(source);
        if (policy.exemptSources().contains(SourceAddress.clean(source))) {
            return new Take(true, Duration.ZERO, false);
        }
        int burst = kind == Kind.SIGN_IN ? policy.signInBurst() : policy.apiBurst();
        double perNano = (kind == Kind.SIGN_IN ? policy.signInPerMinute() : policy.apiPerMinute()) / 60e9;
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.computeIfAbsent(kind.name() + ' ' + network, k -> {
                Bucket b = new Bucket();
                b.tokens = burst;
                b.at = now;
                return b;
            });
            bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens >= 1 - 1e-9) {
                bucket.tokens = Math.max(0, bucket.tokens - 1);
                bucket.refusing = false;
                return new Take(true, Duration.ZERO, false);
            }
            boolean first = !bucket.refusing;
            bucket.refusing = true;
            long waitMillis = Math.round((1 - bucket.tokens) / perNano / 1e6);
            return new Take(false, Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000)), first);
        }
    }

    /** The tokens a source's bucket holds now, without taking one (a full bucket when it has none). */
    public double available(Kind kind, String source) {
        int burst = kind == Kind.SIGN_IN ? policy.signInBurst() : policy.apiBurst();
        double perNano = (kind == Kind.SIGN_IN ? policy.signInPerMinute() : policy.apiPerMinute()) / 60e9;
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.get(kind.name() + ' ' + SourceAddress.network(source));
            return bucket == null ? burst : Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) * perNano);
        }
    }

    /** How many buckets this node holds now. */
    public int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    /** The most buckets this node will hold. */
    public int capacity() {
        return policy.maxSources();
    }
}
