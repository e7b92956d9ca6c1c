package it.ricolloca.workers.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DomainException;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.workers.InformationChannel;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accoglienza e informazione, the seed's first duty of every CPI: the record that an invited worker was
 * informed of the contents of the service, of the voluntary adhesion, of conditionality and of the suitable
 * offer, with the date, the channel and the operator. Recorded by the staff who may change the worker's
 * record (the competent CPI, the region); read wherever the record is read.
 */
@Service
@Transactional
public class WorkerInformation {

    /** One record as the worker's page shows it. */
    public record Entry(LocalDate informedOn, InformationChannel channel, boolean aboutService, boolean aboutVoluntary,
            boolean aboutConditionality, boolean aboutSuitableOffer, String recordedBy) {

        /** Every one of the four contents was covered. */
        public boolean complete() {
            return aboutService && aboutVoluntary && aboutConditionality && aboutSuitableOffer;
        }
    }

    /** What was told: at least one content. */
    public record Contents(boolean service, boolean voluntary, boolean conditionality, boolean suitableOffer) {

        /** From a form or a request body, where a content left out was not told. */
        public static Contents told(Boolean service, Boolean voluntary, Boolean conditionality, Boolean suitableOffer) {
            return new Contents(Boolean.TRUE.equals(service), Boolean.TRUE.equals(voluntary),
                    Boolean.TRUE.equals(conditionality), Boolean.TRUE.equals(suitableOffer));
        }

        boolean any() {
            return service || voluntary || conditionality || suitableOffer;
        }
    }

    /** A refused record, with the form field it concerns. */
    public static class InformationRefusedException extends DomainException {
        private final String field;

        InformationRefusedException(String field, String key, Object... args) {
            super(key, args);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final WorkerRegister register;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    WorkerInformation(WorkerRegister register, JdbcClient jdbc, AuditTrail audit) {
        this.register = register;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public void record(CurrentUser user, long workerId, LocalDate on, InformationChannel channel, Contents contents) {
        Worker worker = register.get(user, workerId);
        register.requireEditor(user, worker);
        if (on.isAfter(Dates.today())) {
            throw new InformationRefusedException("informedOn", "worker.information.future");
        }
        if (!contents.any()) {
            throw new InformationRefusedException("aboutService", "worker.information.nothing");
        }
        long centre = user.centreId() != null ? user.centreId()
                : worker.getCompetentCentreId() != null ? worker.getCompetentCentreId() : 0L;
        jdbc.sql("""
                insert into workers_information (worker_id, centre_id, informed_on, channel, about_service, about_voluntary,
                    about_conditionality, about_suitable_offer, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(workerId, centre, on, channel.name(), contents.service(), contents.voluntary(),
                        contents.conditionality(), contents.suitableOffer(), user.username())
                .update();
        audit.record("WORKER_INFORMED", "Worker", workerId,
                Detail.of("audit.detail.information", Dates.format(on), Detail.label(channel.labelKey())).encoded());
    }

    /** The records of a worker, newest first (the caller has read the worker's record). */
    @Transactional(readOnly = true)
    public List<Entry> of(long workerId) {
        return jdbc.sql("""
                select informed_on, channel, about_service, about_voluntary, about_conditionality, about_suitable_offer,
                    recorded_by from workers_information where worker_id = ? order by informed_on desc, id desc""")
                .param(workerId)
                .query((rs, n) -> new Entry(rs.getDate(1).toLocalDate(), InformationChannel.valueOf(rs.getString(2)),
                        rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7)))
                .list();
    }
}
