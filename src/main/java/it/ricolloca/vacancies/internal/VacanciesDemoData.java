package it.ricolloca.vacancies.internal;

import it.ricolloca.accounts.StaffDirectory;
import it.ricolloca.accounts.StaffMember;
import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.pathway.ContractType;
import it.ricolloca.shared.DemoMode;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Messages;
import it.ricolloca.vacancies.Vacancy;
import it.ricolloca.vacancies.VacancyDetails;
import it.ricolloca.vacancies.VacancySource;
import it.ricolloca.vacancies.VacancyStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: {@code referente.torino} and {@code referente.novara} named vacancy referents of
 * their CPI, and four offers on the board (Torino, Novara, and one from Eures).
 */
@Component
@Order(40)
class VacanciesDemoData implements ApplicationRunner {

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final JobCentres centres;
    private final Referents referents;
    private final VacancyRepository vacancies;
    private final VacancyBoard board;
    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final Messages messages;

    VacanciesDemoData(DemoMode demo, JdbcClient jdbc, JobCentres centres, Referents referents,
            VacancyRepository vacancies, VacancyBoard board, AuditTrail audit, StaffDirectory staff, Messages messages) {
        this.messages = messages;
        this.staff = staff;
        this.demo = demo;
        this.jdbc = jdbc;
        this.centres = centres;
        this.referents = referents;
        this.vacancies = vacancies;
        this.board = board;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isEnabled() || jdbc.sql("select exists (select 1 from vacancies_referent)").query(Boolean.class).single()) {
            return;
        }
        Long torino = name("TORINO-BOLOGNA", "referente.torino");
        Long novara = name("NOVARA", "referente.novara");
        Long service = staff.findByUsername("reclutamenti.regione").map(StaffMember::id).orElse(null);
        LocalDate today = Dates.today();
        offer(new VacancyDetails(today.minusDays(12), "Magazziniere carrellista", "8.1.3.1.0", "CP2021", 3,
                "Logistica Sabauda S.r.l.", "01234567897", "Trasporto e magazzinaggio", "52.10", "2025",
                "Tempo determinato 6 mesi, prorogabile", ContractType.FIXED_TERM, 6,
                "Patentino per carrelli elevatori, uso del terminale di magazzino, disponibilità su turni",
                centreId("TORINO-BOLOGNA"), VacancySource.CPI, null, "Referente offerte Torino",
                "referente.torino@example.org", null, "Torino", "TO", new BigDecimal("40"), null, null,
                today.plusDays(30)), torino);
        offer(new VacancyDetails(today.minusDays(5), "Addetto alla contabilità", "4.3.2.1.0", "CP2021", 1,
                "Studio Associato Monviso", null, "Attività professionali", "69.20", "2025", "Tempo indeterminato",
                ContractType.PERMANENT, null, "Contabilità generale, fatturazione elettronica, Excel",
                centreId("TORINO-BOLOGNA"), VacancySource.CPI, null, "Referente offerte Torino",
                "referente.torino@example.org", null, "Moncalieri", "TO", new BigDecimal("38"), null, null, null), torino);
        offer(new VacancyDetails(today.minusDays(9), "Operaio addetto alla saldatura", "6.2.1.2.0", "CP2021", 2,
                "Meccanica Novarese S.p.A.", null, "Attività manifatturiere", "25.62", "2025", "Apprendistato",
                ContractType.APPRENTICESHIP, 36, "Saldatura a filo, lettura del disegno tecnico",
                centreId("NOVARA"), VacancySource.CPI, null, "Referente offerte Novara", "referente.novara@example.org",
                null, "Novara", "NO", new BigDecimal("40"), null, null, today.plusDays(20)), novara);
        offer(new VacancyDetails(today.minusDays(3), "Cameriere di sala (stagione estiva)", "5.2.2.3.0", "CP2021", 4,
                "Hotel Alpenrose", null, "Alloggio e ristorazione", "55.10", "2025", "Tempo determinato 4 mesi",
                ContractType.FIXED_TERM, 4, "Servizio ai tavoli, tedesco o inglese", null, VacancySource.EURES, null,
                "Servizio Grandi Reclutamenti", "reclutamenti.regione@example.org", null, "Innsbruck", null,
                new BigDecimal("40"), null, null, today.plusDays(45)), service);
        audit.record("DEMO_VACANCIES_LOADED", "Vacancy", "", "4 offerte e 2 referenti");
    }

    private Long name(String centreCode, String username) {
        Long user = staff.findByUsername(username).map(StaffMember::id).orElse(null);
        if (user != null) {
            referents.nameAtStart(centreId(centreCode), user);
        }
        return user;
    }

    private long centreId(String code) {
        return centres.all().stream().filter(c -> c.code().equals(code)).findFirst().map(CentreSummary::id)
                .orElseThrow(() -> new IllegalStateException("CPI dimostrativo mancante: " + code));
    }

    private void offer(VacancyDetails d, Long referent) {
        VacancyDetails withReferent = referent == null ? d : d.withReferent(referent, d.referentName(), d.referentEmail());
        Vacancy v = vacancies.saveAndFlush(new Vacancy(withReferent, VacancyStatus.OPEN, Instant.now()));
        board.history(v.getId(), "sistema", null, VacancyStatus.OPEN, messages.t("vacancy.history.demo"));
    }
}
