package it.ricolloca.network.internal;

import it.ricolloca.audit.AuditTrail;
import it.ricolloca.network.JobCentre;
import it.ricolloca.network.RegionalAgency;
import it.ricolloca.shared.Detail;
import it.ricolloca.shared.DemoMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads, once, the demo network: the regional agency and the 25 CPIs of the seed, one office each. */
@Component
@Order(10)
class NetworkDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NetworkDemoData.class);

    private final DemoMode demo;
    private final JobCentreRepository centres;
    private final RegionalAgencyRepository agencies;
    private final AuditTrail audit;

    NetworkDemoData(DemoMode demo, JobCentreRepository centres, RegionalAgencyRepository agencies, AuditTrail audit) {
        this.demo = demo;
        this.centres = centres;
        this.agencies = agencies;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.isEnabled() || agencies.count() > 0) {
            return;
        }
        agencies.save(new RegionalAgency("Agenzia Piemonte Lavoro", "Piemonte", "adr@example.org"));
        List<String[]> rows = readRows();
        for (String[] r : rows) {
            String email = "cpi." + r[0].toLowerCase(Locale.ROOT) + "@example.org";
            JobCentre centre = new JobCentre(r[0], r[1], r[2], r[3], email);
            centre.replaceNameVariants(List.of(r[6]));
            centre.addOffice("Sede di " + r[4], r[5], r[4], null, null, email);
            centres.save(centre);
        }
        centres.flush();
        audit.record("DEMO_NETWORK_LOADED", "JobCentre", "", Detail.of("audit.detail.demoCentres", rows.size()).encoded());
        log.info("Rete dimostrativa caricata: {} CPI", rows.size());
    }

    private static List<String[]> readRows() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/centres.csv").getInputStream(), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
