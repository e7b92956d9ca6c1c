package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.Meeting;
import it.ricolloca.pathway.MeetingStatus;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayRefusedException;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.web.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The meeting register of the six months and the worker's activation diary, each entry reviewed in a meeting. */
@Service
@Transactional
public class Meetings {

    private final PathwayRecords records;
    private final AuditTrail audit;
    private final PathwayWork work;

    Meetings(PathwayRecords records, AuditTrail audit, PathwayWork work) {
        this.records = records;
        this.audit = audit;
        this.work = work;
    }

    /**
     * Records a meeting of the register: between the start of the service and today and, once a pact
     * is signed, not before the first signature (release, first appointment, pact, meetings: in order).
     */
    public Meeting recordMeeting(CurrentUser user, long id, Long version, LocalDate on, LocalTime from, LocalTime to,
            MeetingStatus status, String topics, String actionsAgreed, LocalDate next) {
        Pathway p = records.open(user, id, version, "meeting");
        work.pacts(p).stream().map(SearchPact::getSignedOn).filter(java.util.Objects::nonNull).min(LocalDate::compareTo)
                .filter(signed -> on != null && on.isBefore(signed)).ifPresent(signed -> {
                    throw new PathwayRefusedException("pathway.meeting.beforePact", Dates.format(signed));
                });
        Meeting m = p.recordMeeting(on, from, to, status, topics, actionsAgreed, next, user.username(), Instant.now(),
                Dates.today());
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_MEETING", "Pathway", p.getId(),
                Detail.of("audit.detail.meeting", Detail.label(status.labelKey()), on, from, to).encoded());
        return m;
    }

    public void addDiaryEntry(CurrentUser user, long id, Long version, DiaryAction action, LocalDate on, String how,
            String company, String profile, String outcome, DiaryEntry.Source source) {
        Pathway p = records.open(user, id, version, "diary");
        p.addDiaryEntry(action, on, how, company, profile, outcome, source, user.username(), Instant.now(), Dates.today());
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_DIARY_ENTRY", "Pathway", p.getId(), Detail.of("audit.detail.diary", Detail.label(action.labelKey()), on).encoded());
    }

    public void reviewDiaryEntry(CurrentUser user, long id, Long version, long entryId, long meetingId) {
        Pathway p = records.open(user, id, version, "diary");
        p.reviewDiaryEntry(entryId, meetingId);
        records.touch(p);
        audit.recordAs(user.username(), "PATHWAY_DIARY_REVIEWED", "Pathway", p.getId(),
                Detail.of("audit.detail.diaryReviewed", entryId, meetingId).encoded());
    }
}
