package it.ricolloca.pathway.web;

import io.swagger.v3.oas.annotations.Operation;
import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.CurrentUsers;
import it.ricolloca.agenda.Appointment;
import it.ricolloca.agenda.AppointmentStatus;
import it.ricolloca.audit.AuditedRead;
import it.ricolloca.conditionality.BreachKind;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.pathway.DiaryAction;
import it.ricolloca.pathway.DiaryEntry;
import it.ricolloca.pathway.MeetingStatus;
import it.ricolloca.pathway.PactAction;
import it.ricolloca.pathway.PactActionKind;
import it.ricolloca.pathway.Pathway;
import it.ricolloca.pathway.PathwayOutcome;
import it.ricolloca.pathway.PathwayRoutes;
import it.ricolloca.pathway.SearchPact;
import it.ricolloca.pathway.ServiceTimesheetActivity;
import it.ricolloca.pathway.internal.Meetings;
import it.ricolloca.pathway.internal.Pacts;
import it.ricolloca.pathway.internal.PathwayLifecycle;
import it.ricolloca.pathway.internal.PathwayStart;
import it.ricolloca.pathway.internal.PathwayWork;
import it.ricolloca.pathway.internal.Timesheets;
import it.ricolloca.shared.web.ApiProblemResponses;
import it.ricolloca.shared.web.Dates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pathway through the API, with the rights of its pages (the services check them: 404 outside the
 * provider CPI, 403 to whoever does not work on the pathway) and their audit: the queue of released
 * requests and the booking of the first appointment, the pathway, its tutor, the pact's versions and
 * signature (which signs the timesheet with the first pact), the timesheet's hours, the meetings, the
 * diary, suspension and resumption, extension, closing, and a breach reported to the competent CPI.
 * Every act but the booking and the breach carries the pathway's version; each answers the pathway.
 */
@RestController
class PathwayApiController {


    /** A released request waiting for its first appointment at an office of the user's CPI. */
    record QueueDto(long requestId, long workerId, String taxCode, String workerName, LocalDate releasedOn,
            long officeId, String office) {
    }

    /**
     * The first appointment: in a slot of the office's agenda at {@code start} (ISO date-time with offset),
     * or agreed by contact on a day without agenda ({@code contactMinutes} and {@code contactNote}); a
     * start already past needs its justification.
     */
    record ApiFirstAppointment(@NotNull ZonedDateTime start, @Min(5) @Max(480) Integer contactMinutes,
            @Size(max = 2000) String contactNote, @Size(max = 2000) String pastJustification) {
    }

    /** A first appointment that already took place, recorded on its date with its outcome, outside the agenda. */
    record ApiPastFirstAppointment(@NotNull LocalDate onDate, @NotNull LocalTime at, @Min(5) @Max(480) Integer minutes,
            @NotNull AppointmentStatus outcome, @Size(max = 2000) String note) {
    }

    record ApiTutor(@NotNull Long tutorId, @Size(max = 2000) String reason, @NotNull Long version) {
    }

    record ApiPactAction(@NotNull PactActionKind kind, @NotBlank @Size(max = 1000) String description, LocalDate dueOn) {
    }

    record ApiPact(@NotEmpty @Valid List<ApiPactAction> actions, @Size(max = 2000) String nextAppointments,
            @NotNull Long version) {
    }

    record ApiVersion(@NotNull Long version) {
    }

    record ApiSign(@NotNull LocalDate signedOn, @NotNull Long version) {
    }

    record ApiHours(@NotNull ServiceTimesheetActivity activity, @NotNull LocalDate onDate,
            @NotNull @DecimalMin("0.25") @DecimalMax("24") BigDecimal hours, @Size(max = 500) String note,
            @NotNull Long version) {
    }

    record ApiReview(@NotNull Long meetingId, @NotNull Long version) {
    }

    record ApiMeeting(@NotNull LocalDate onDate, @NotNull LocalTime start, @NotNull LocalTime end,
            @NotNull MeetingStatus status, @Size(max = 2000) String topics, @Size(max = 2000) String actionsAgreed,
            LocalDate nextMeeting, @NotNull Long version) {
    }

    record ApiDiaryEntry(@NotNull DiaryAction action, @NotNull LocalDate onDate, @Size(max = 500) String how,
            @Size(max = 300) String company, @Size(max = 200) String profile, @Size(max = 300) String outcome,
            @NotNull DiaryEntry.Source source, @NotNull Long version) {
    }

    record ApiSuspend(@NotNull LocalDate onDate, @NotNull ContractType contract, @NotBlank @Size(max = 200) String employer,
            @Size(max = 2000) String note, @NotNull Long version) {
    }

    record ApiResume(@NotNull LocalDate onDate, @NotNull Long version) {
    }

    record ApiExtend(@NotBlank @Size(max = 2000) String reason, @NotNull Long version) {
    }

    /** The closing; the hiring's details count only for the outcome {@code HIRED}. */
    record ApiClose(@NotNull PathwayOutcome outcome, @NotNull LocalDate onDate, @Size(max = 2000) String note,
            @Size(max = 200) String employer, @Size(max = 11) String employerVat, ContractType contract,
            BigDecimal weeklyHours, LocalDate hireStart, @Min(1) @Max(120) Integer durationMonths, @NotNull Long version) {
    }

    record ApiBreach(@NotNull BreachKind kind, @NotNull LocalDate occurredOn, @NotBlank @Size(max = 4000) String evidence) {
    }

    private final PathwayStart start;
    private final PathwayWork work;
    private final PathwayLifecycle lifecycle;
    private final Pacts pacts;
    private final Timesheets timesheets;
    private final Meetings meetings;
    private final CurrentUsers currentUsers;

    PathwayApiController(PathwayStart start, PathwayWork work, PathwayLifecycle lifecycle, Pacts pacts,
            Timesheets timesheets, Meetings meetings, CurrentUsers currentUsers) {
        this.start = start;
        this.work = work;
        this.lifecycle = lifecycle;
        this.pacts = pacts;
        this.timesheets = timesheets;
        this.meetings = meetings;
        this.currentUsers = currentUsers;
    }

    @GetMapping(PathwayRoutes.API_QUEUE)
    @Operation(summary = "Richieste rilasciate in attesa del primo appuntamento nelle sedi del CPI dell'utente")
    @ApiProblemResponses
    List<QueueDto> queue() {
        return start.queue(currentUsers.require()).stream().map(i -> new QueueDto(i.request().requestId(),
                i.request().workerId(), i.request().taxCode(), i.request().workerName(), i.request().releasedOn(),
                i.office().id(), i.office().name())).toList();
    }

    @PostMapping(PathwayRoutes.API_FIRST_APPOINTMENT)
    @Operation(summary = "Prenota il primo appuntamento (posto in agenda o concordato per contatto) e apre il percorso")
    @ApiProblemResponses
    Map<String, Object> bookFirst(@PathVariable long requestId, @Valid @RequestBody ApiFirstAppointment body) {
        CurrentUser user = currentUsers.require();
        start.bookable(user, requestId);
        long id = start.bookFirstAppointment(user, requestId, body.start().withZoneSameInstant(Dates.ZONE),
                body.contactMinutes(), body.contactNote(), body.pastJustification());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_PAST_FIRST_APPOINTMENT)
    @Operation(summary = "Registra un primo appuntamento già avvenuto, alla sua data e con il suo esito (mai prima del rilascio)")
    @ApiProblemResponses
    Map<String, Object> recordPastFirst(@PathVariable long requestId, @Valid @RequestBody ApiPastFirstAppointment body) {
        CurrentUser user = currentUsers.require();
        start.bookable(user, requestId);
        long id = start.recordPastFirstAppointment(user, requestId, body.onDate(), body.at(),
                body.minutes() == null ? 60 : body.minutes(), body.outcome(), body.note());
        return view(user, id);
    }

    @AuditedRead(value = "PATHWAY_VIEWED", record = "Pathway")
    @GetMapping(PathwayRoutes.API_PATHWAY)
    @Operation(summary = "Il percorso con appuntamenti, patti, foglio ore, incontri, diario e sospensioni")
    @ApiProblemResponses
    Map<String, Object> pathway(@PathVariable long id) {
        return view(currentUsers.require(), id);
    }

    @PostMapping(PathwayRoutes.API_TUTOR)
    @Operation(summary = "Nomina o cambia il tutor del percorso")
    @ApiProblemResponses
    Map<String, Object> tutor(@PathVariable long id, @Valid @RequestBody ApiTutor body) {
        CurrentUser user = visible(id);
        lifecycle.assignTutor(user, id, body.version(), body.tutorId(), body.reason());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_PACT)
    @Operation(summary = "Salva la bozza della versione corrente del patto di ricerca (azioni e prossimi appuntamenti)")
    @ApiProblemResponses
    Map<String, Object> pact(@PathVariable long id, @Valid @RequestBody ApiPact body) {
        CurrentUser user = visible(id);
        work.worked(user, id, "pact");
        List<PactAction> actions = body.actions().stream()
                .map(a -> new PactAction(a.kind(), a.description().strip(), a.dueOn())).toList();
        String next = body.nextAppointments() == null || body.nextAppointments().isBlank() ? null
                : body.nextAppointments().strip();
        pacts.saveDraft(user, id, body.version(), actions, next);
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_PACT_AMEND)
    @Operation(summary = "Apre una nuova versione del patto firmato (bozza da modificare e firmare)")
    @ApiProblemResponses
    Map<String, Object> amend(@PathVariable long id, @Valid @RequestBody ApiVersion body) {
        CurrentUser user = visible(id);
        pacts.amend(user, id, body.version());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_PACT_SIGN)
    @Operation(summary = "Firma la bozza del patto (con il primo patto si firma anche il foglio ore)")
    @ApiProblemResponses
    Map<String, Object> sign(@PathVariable long id, @Valid @RequestBody ApiSign body) {
        CurrentUser user = visible(id);
        pacts.sign(user, id, body.version(), body.signedOn());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_TIMESHEET)
    @Operation(summary = "Registra ore di servizio nel foglio ore")
    @ApiProblemResponses
    Map<String, Object> hours(@PathVariable long id, @Valid @RequestBody ApiHours body) {
        CurrentUser user = visible(id);
        timesheets.addHours(user, id, body.version(), body.activity(), body.onDate(), body.hours(), body.note());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_TIMESHEET_REMOVE)
    @Operation(summary = "Toglie una riga di ore dal foglio ore non ancora firmato")
    @ApiProblemResponses
    Map<String, Object> removeHours(@PathVariable long id, @PathVariable long entryId, @Valid @RequestBody ApiVersion body) {
        CurrentUser user = visible(id);
        timesheets.removeHours(user, id, body.version(), entryId);
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_DIARY_REVIEW)
    @Operation(summary = "Segna una voce del diario come rivista in un incontro")
    @ApiProblemResponses
    Map<String, Object> reviewDiary(@PathVariable long id, @PathVariable long entryId, @Valid @RequestBody ApiReview body) {
        CurrentUser user = visible(id);
        meetings.reviewDiaryEntry(user, id, body.version(), entryId, body.meetingId());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_MEETINGS)
    @Operation(summary = "Registra un incontro con il lavoratore (svolto o mancato) e il prossimo")
    @ApiProblemResponses
    Map<String, Object> meeting(@PathVariable long id, @Valid @RequestBody ApiMeeting body) {
        CurrentUser user = visible(id);
        meetings.recordMeeting(user, id, body.version(), body.onDate(), body.start(), body.end(), body.status(),
                body.topics(), body.actionsAgreed(), body.nextMeeting());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_DIARY)
    @Operation(summary = "Aggiunge una voce al diario delle azioni di ricerca")
    @ApiProblemResponses
    Map<String, Object> diary(@PathVariable long id, @Valid @RequestBody ApiDiaryEntry body) {
        CurrentUser user = visible(id);
        meetings.addDiaryEntry(user, id, body.version(), body.action(), body.onDate(), body.how(), body.company(),
                body.profile(), body.outcome(), body.source());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_SUSPEND)
    @Operation(summary = "Sospende il percorso per un contratto di lavoro")
    @ApiProblemResponses
    Map<String, Object> suspend(@PathVariable long id, @Valid @RequestBody ApiSuspend body) {
        CurrentUser user = visible(id);
        lifecycle.suspend(user, id, body.version(), body.onDate(), body.contract(), body.employer(), body.note());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_RESUME)
    @Operation(summary = "Riprende il percorso sospeso")
    @ApiProblemResponses
    Map<String, Object> resume(@PathVariable long id, @Valid @RequestBody ApiResume body) {
        CurrentUser user = visible(id);
        lifecycle.resume(user, id, body.version(), body.onDate());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_EXTEND)
    @Operation(summary = "Proroga il percorso, con la motivazione")
    @ApiProblemResponses
    Map<String, Object> extend(@PathVariable long id, @Valid @RequestBody ApiExtend body) {
        CurrentUser user = visible(id);
        lifecycle.extend(user, id, body.version(), body.reason());
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_CLOSE)
    @Operation(summary = "Chiude il percorso con il suo esito (assunzione con i dati del contratto, o altro esito)")
    @ApiProblemResponses
    Map<String, Object> close(@PathVariable long id, @Valid @RequestBody ApiClose body) {
        CurrentUser user = visible(id);
        work.worked(user, id, "pathway");
        Pathway.Hire hire = body.outcome() != PathwayOutcome.HIRED ? null : new Pathway.Hire(body.employer(),
                body.employerVat(), body.contract(), body.weeklyHours(), body.hireStart(), body.durationMonths());
        lifecycle.close(user, id, body.version(), body.outcome(), body.onDate(), body.note(), hire);
        return view(user, id);
    }

    @PostMapping(PathwayRoutes.API_BREACH)
    @Operation(summary = "Segnala al CPI competente un inadempimento del lavoratore; risponde l'id della segnalazione")
    @ApiProblemResponses
    Map<String, Object> breach(@PathVariable long id, @Valid @RequestBody ApiBreach body) {
        CurrentUser user = visible(id);
        long breach = lifecycle.reportBreach(user, id, body.kind(), body.occurredOn(), body.evidence());
        return Map.of("breachId", breach, "pathway", view(user, id));
    }

    // ---- the pathway as the API returns it ----

    /** The user, when the pathway is in their scope (404 otherwise, as on the pages, before any right is weighed). */
    private CurrentUser visible(long id) {
        CurrentUser user = currentUsers.require();
        work.get(user, id);
        return user;
    }

    private Map<String, Object> view(CurrentUser user, long id) {
        Pathway p = work.get(user, id);
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("id", p.getId());
        v.put("requestId", p.getRequestId());
        v.put("workerId", p.getWorkerId());
        v.put("centreId", p.getCentreId());
        v.put("officeId", p.getOfficeId());
        v.put("tutorUserId", p.getTutorUserId());
        v.put("startedOn", p.getStartedOn());
        v.put("serviceStart", work.serviceStart(p).orElse(null));
        v.put("plannedEnd", work.plannedEnd(p).orElse(null));
        v.put("suspended", p.isSuspended());
        v.put("closed", p.isClosed());
        v.put("closedOn", p.getClosedOn());
        v.put("outcome", p.getOutcome());
        v.put("hireEmployer", p.getHireEmployer());
        v.put("hireStart", p.getHireStart());
        v.put("extendedOn", p.getExtendedOn());
        v.put("timesheetSignedOn", p.getTimesheetSignedOn());
        v.put("version", p.getVersion());
        v.put("appointments", work.appointments(p).stream().map(PathwayApiController::appointment).toList());
        v.put("pacts", work.pacts(p).stream().map(PathwayApiController::pact).toList());
        v.put("timesheet", p.getTimesheet().stream().map(t -> Map.of("id", t.getId(), "activity", t.getActivity(),
                "onDate", t.getOnDate(), "hours", t.getHours())).toList());
        v.put("meetings", p.getMeetings().stream().map(m -> Map.of("id", m.getId(), "onDate", m.getOnDate(),
                "start", m.getStart(), "end", m.getEnd(), "status", m.getStatus())).toList());
        v.put("diary", p.getDiary().stream().map(d -> Map.of("id", d.getId(), "action", d.getAction(),
                "onDate", d.getOnDate(), "source", d.getSource())).toList());
        v.put("suspensions", p.getSuspensions().stream().map(s -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("suspendedOn", s.getSuspendedOn());
            m.put("resumedOn", s.getResumedOn());
            m.put("contract", s.getContract());
            m.put("employer", s.getEmployer());
            return m;
        }).toList());
        return v;
    }

    private static Map<String, Object> appointment(Appointment a) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("purpose", a.getPurpose());
        m.put("startsAt", time(a.getStartsAt()));
        m.put("status", a.getStatus());
        m.put("version", a.getVersion());
        return m;
    }

    private static Map<String, Object> pact(SearchPact s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("versionNo", s.getVersionNo());
        m.put("status", s.getStatus());
        m.put("signedOn", s.getSignedOn());
        m.put("actions", s.getActions().stream().map(a -> {
            Map<String, Object> x = new java.util.LinkedHashMap<>();
            x.put("kind", a.getKind());
            x.put("description", a.getDescription());
            x.put("dueOn", a.getDueOn());
            return x;
        }).toList());
        return m;
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atZone(Dates.ZONE).toOffsetDateTime();
    }
}
