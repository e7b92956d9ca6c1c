package it.ricolloca.pathway.internal;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.network.JobCentres;
import it.ricolloca.network.OfficeSummary;
import it.ricolloca.workers.ProviderAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider CPI reads the case of the workers whose pathway it holds, whatever the pathway's state, and
 * of those released to one of its offices and waiting in its queue for the first appointment.
 */
@Component
class ProviderCaseAccess implements ProviderAccess {

    private final JdbcClient jdbc;
    private final JobCentres centres;

    ProviderCaseAccess(JdbcClient jdbc, JobCentres centres) {
        this.jdbc = jdbc;
        this.centres = centres;
    }

    @Override
    public boolean holds(CurrentUser user, long workerId) {
        if (!user.readsCaseFiles() || user.centreId() == null) {
            return false;
        }
        long centre = user.centreId();
        boolean pathway = jdbc.sql("select exists (select 1 from pathway_pathway where worker_id = ? and centre_id = ?)")
                .params(workerId, centre).query(Boolean.class).single();
        return pathway || jdbc.sql("select office_id from pathway_queue where worker_id = ?").param(workerId)
                .query(Long.class).list().stream()
                .anyMatch(office -> centres.office(office).map(OfficeSummary::centreId).filter(c -> c == centre).isPresent());
    }
}
