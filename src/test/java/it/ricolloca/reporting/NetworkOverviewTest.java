package it.ricolloca.reporting;

import static it.ricolloca.support.DemoUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.accounts.DelegatedFunction;
import it.ricolloca.accounts.Role;
import it.ricolloca.accounts.internal.DelegationAdministration;
import it.ricolloca.accounts.internal.UserAccountRepository;
import it.ricolloca.accounts.internal.UserAdministration;
import it.ricolloca.agenda.Agenda;
import it.ricolloca.agenda.TemplateKind;
import it.ricolloca.agenda.TemplateRule;
import it.ricolloca.network.CentreSummary;
import it.ricolloca.network.JobCentres;
import it.ricolloca.reporting.internal.NetworkOverview;
import it.ricolloca.shared.web.Dates;
import it.ricolloca.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The overview of a CPI whose staff, delegation and agenda only this test creates (Venaria Reale). */
@IntegrationTest
class NetworkOverviewTest {

    @Autowired NetworkOverview overview;
    @Autowired UserAdministration administration;
    @Autowired DelegationAdministration delegations;
    @Autowired UserAccountRepository users;
    @Autowired JobCentres centres;
    @Autowired Agenda agenda;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService userDetails;

    @Test
    void eachCpiWithItsStaffDelegationsAgendaAndWorkload() throws Exception {
        CentreSummary venaria = centres.all().stream().filter(c -> c.code().equals("VENARIA")).findFirst().orElseThrow();
        CurrentUser regione = users.findByUsername("regione").orElseThrow().toCurrentUser();
        NetworkOverview.Line before = line(venaria);
        assertThat(before.masters()).isEmpty();
        assertThat(before.officesWithAgenda()).isZero();
        assertThat(before.nextFreeSlot()).isNull();

        administration.create(regione, "venaria.master", "Vera Master", "vm@example.org", venaria.id(),
                Set.of(Role.CPI_MASTER), "Panoramica-2026!");
        administration.create(regione, "venaria.tutor", "Tito Tutor", "vt@example.org", venaria.id(),
                Set.of(Role.CPI_TUTOR), "Panoramica-2026!");
        long operator = administration.create(regione, "venaria.operatore", "Olga Operatrice", "vo@example.org",
                venaria.id(), Set.of(Role.CPI_OPERATOR), "Panoramica-2026!").getId();
        CurrentUser master = users.findByUsername("venaria.master").orElseThrow().toCurrentUser();
        delegations.grant(master, operator, DelegatedFunction.AGENDA, Dates.today(), null);
        long office = centres.offices().stream().filter(o -> o.centreId() == venaria.id()).findFirst().orElseThrow().id();
        List<TemplateRule> rules = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            rules.add(new TemplateRule(d, LocalTime.of(0, 0), LocalTime.of(23, 0), 60, 1, "Sportello"));
        }
        agenda.addTemplate(master, office, "Sempre aperto", TemplateKind.WEEKLY, Dates.today(), null, rules);

        NetworkOverview.Line after = line(venaria);
        assertThat(after.masters()).isEqualTo("Vera Master");
        assertThat(after.delegations()).isEqualTo("AGENDA");
        assertThat(after.tutors()).isEqualTo(1);
        assertThat(after.provider()).isFalse();
        assertThat(after.officesWithAgenda()).isEqualTo(1);
        assertThat(after.offices()).isEqualTo(1);
        assertThat(after.nextFreeSlot()).isNotNull();
        assertThat(after.nextFreeSlot().toLocalDate()).isBetween(Dates.today(), Dates.today().plusDays(1));
        assertThat(after.requestsToDecide()).isZero();
        assertThat(after.openPathways()).isZero();

        String page = mvc.perform(get("/monitoring/overview").with(as(userDetails, "adr.regione"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("CPI Venaria Reale", "Vera Master", "Gestione dell'agenda",
                "1 su 1");
        byte[] xlsx = mvc.perform(get("/monitoring/overview.xlsx").with(as(userDetails, "regione"))).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("CPI");
            assertThat(sheet.getLastRowNum()).isEqualTo(centres.all().size());
            var row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("CPI Venaria Reale")).findFirst().orElseThrow();
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Vera Master");
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1);
        }
        assertThat(mvc.perform(get("/monitoring/overview").with(as(userDetails, "master.torino"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    private NetworkOverview.Line line(CentreSummary centre) {
        return overview.lines().stream().filter(l -> l.centreId() == centre.id()).findFirst().orElseThrow();
    }
}
