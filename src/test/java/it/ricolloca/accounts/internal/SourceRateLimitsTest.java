package it.ricolloca.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.ricolloca.accounts.internal.SourceRateLimits.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The buckets on their own, with a time source the test moves: burst, refill, the wait announced, the /64 of an
 * IPv6 source, exempt addresses, and the bound on how many buckets a node keeps. Addresses are cleaned so that
 * no header can make up a key.
 */
class SourceRateLimitsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private SourceRateLimits limits(int maxSources, String... exempt) {
        return new SourceRateLimits(new SourceLimitPolicy(3, 6, 5, 60, maxSources, List.of(exempt)), nanos::get);
    }

    @Test
    void aBurstThenOneEveryRefillAndTheWaitIsAnnounced() {
        SourceRateLimits limits = limits(100);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(Kind.SIGN_IN, "192.0.2.1").allowed()).isTrue();
        }
        var refused = limits.take(Kind.SIGN_IN, "192.0.2.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.first()).isTrue();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.take(Kind.SIGN_IN, "192.0.2.1").first()).as("the flood's second refusal").isFalse();
        assertThat(limits.take(Kind.API, "192.0.2.1").allowed()).as("another kind, another bucket").isTrue();

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        var almost = limits.take(Kind.SIGN_IN, "192.0.2.1");
        assertThat(almost.allowed()).isFalse();
        assertThat(almost.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limits.take(Kind.SIGN_IN, "192.0.2.1").allowed()).isTrue();
        assertThat(limits.take(Kind.SIGN_IN, "192.0.2.1").allowed()).isFalse();

        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(limits.available(Kind.SIGN_IN, "192.0.2.1")).as("never more than the burst").isEqualTo(3.0);
    }

    @Test
    void anIpv6SourceIsLimitedByItsSlash64() {
        SourceRateLimits limits = limits(100);
        for (int i = 0; i < 3; i++) {
            limits.take(Kind.SIGN_IN, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(limits.take(Kind.SIGN_IN, "2001:0db8:0001:0002:ffff:ffff:ffff:ffff").allowed()).isFalse();
        assertThat(limits.take(Kind.SIGN_IN, "2001:db8:1:3::1").allowed()).as("the next /64").isTrue();
        assertThat(SourceAddress.network("2001:DB8:1:2:0:0:0:1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(SourceAddress.network("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void onlyIpLiteralsAreKeysAndExemptAddressesAreNeverLimited() {
        assertThat(SourceAddress.clean(" 192.0.2.9 ")).isEqualTo("192.0.2.9");
        assertThat(SourceAddress.clean("[2001:db8::1]")).isEqualTo("2001:db8::1");
        assertThat(SourceAddress.clean("fe80::1%eth0")).isEqualTo("fe80::1");
        assertThat(SourceAddress.clean("192.0.2.9, 198.51.100.1")).isEqualTo("?");
        assertThat(SourceAddress.clean("*")).isEqualTo("?");
        assertThat(SourceAddress.clean("x".repeat(10_000))).isEqualTo("?");
        assertThat(SourceAddress.network("dead:beef:zz::1")).isEqualTo("?");

        SourceRateLimits limits = limits(100, "192.0.2.100");
        for (int i = 0; i < 50; i++) {
            assertThat(limits.take(Kind.SIGN_IN, "192.0.2.100").allowed()).isTrue();
        }
        assertThat(limits.size()).isZero();
    }

    @Test
    void aFloodOfDistinctAddressesKeepsAtMostTheBoundAndTheRecentlyUsedBuckets() {
        SourceRateLimits limits = limits(100);
        for (int i = 0; i < 3; i++) {
            limits.take(Kind.SIGN_IN, "192.0.2.1");
        }
        for (int i = 0; i < 10_000; i++) {
            limits.take(Kind.SIGN_IN, "10." + (i / 65_536) + "." + (i / 256 % 256) + "." + i % 256);
            if (i % 50 == 0) {
                limits.take(Kind.SIGN_IN, "192.0.2.1"); // a source that keeps trying stays among the recent
            }
            assertThat(limits.size()).isLessThanOrEqualTo(100);
        }
        assertThat(limits.size()).isEqualTo(100);
        assertThat(limits.take(Kind.SIGN_IN, "192.0.2.1").allowed()).as("still limited").isFalse();
    }
}
