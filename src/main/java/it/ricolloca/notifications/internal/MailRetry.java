package it.ricolloca.notifications.internal;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Submits again every event whose listener failed (an SMTP server down, a database hiccup) and
 * that is older than the retry delay; one node at a time.
 */
@Component
class MailRetry {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    MailRetry(IncompleteEventPublications incomplete,
            @Value("${ricolloca.events.retry-older-than:PT1M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${ricolloca.events.retry-every:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "events-retry", lockAtMostFor = "PT5M")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
