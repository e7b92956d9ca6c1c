package it.ricolloca.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import it.ricolloca.shared.CodiceFiscale;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.TestCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium signs in as several roles, follows every menu entry and the links a user
 * would follow, and runs axe-core on every page it visits: zero WCAG 2.1 A/AA violations.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserAccessibilityTest {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @LocalServerPort int port;

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;
    private final List<String> violations = new ArrayList<>();
    private final Set<String> visited = new LinkedHashSet<>();
    /** Pages of the menu already analysed by axe in this class, whatever the role (see walkMenu). */
    private final Set<String> analysedMenuPages = new java.util.HashSet<>();
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void launch() {
        playwright = Playwright.create();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        Path chromium = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(chromium)) {
            options.setExecutablePath(chromium);
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newContext() {
        // axe is injected by script; the application's CSP would rightly refuse it.
        context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true).setLocale("it-IT"));
        page = context.newPage();
        // Error pages are visited on purpose; what must never fail is a script, a style or a font.
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.request().resourceType().equals("document")) {
                consoleErrors.add(r.url() + ": " + r.status());
            }
        });
        violations.clear();
        visited.clear();
        consoleErrors.clear();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void theMasterUserOfTorinoSignsInSeesTheirCentreAndEveryPageIsAccessible() {
        page.navigate(url("/"));
        assertThat(page.url()).endsWith("/login");
        check();
        signIn("master.torino");
        assertThat(page.locator("h2#centre-heading").textContent()).isEqualTo("CPI Torino – via Bologna");
        assertThat(page.locator("header").textContent()).contains("Utente master del CPI", "CPI Torino – via Bologna");
        check();
        walkMenu(true);
        open("/users/new");
        open("/delegations/new");
        page.navigate(url("/delegations"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revoca Operatore Torino")).first().click();
        check();
        page.navigate(url("/centres"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CPI Novara").setExact(true)).click();
        check();
        page.navigate(url("/users"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tutor Torino")).click();
        check();
        addAndOpenAWorker();
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theRegionalAdministratorWalksEveryPageIncludingFormsWithErrors() {
        signIn("regione");
        walkMenu(true);
        open("/centres/new");
        page.navigate(url("/centres/new"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva")).click();
        assertThat(page.locator(".invalid-feedback").count()).isPositive();
        check();
        page.navigate(url("/centres"));
        page.getByLabel("Cerca per nome, codice o provincia").fill("bologna");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerca")).click();
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("CPI Torino – via Bologna")).click();
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifica").setExact(true)).first().click();
        check();
        page.navigate(url("/audit"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verifica l'integrità della catena")).click();
        assertThat(page.locator(".alert-success").textContent()).contains("Catena integra");
        check();
        page.navigate(url("/account/tokens"));
        page.getByLabel("Nome del token").fill("Prova browser");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crea un token")).click();
        assertThat(page.locator(".rl-token").textContent()).startsWith("rcl_");
        check();
        open("/parameters/OBSERVATION_WINDOW_DAYS");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra il nuovo valore")).click();
        assertThat(page.locator(".invalid-feedback").count()).isPositive();
        check();
        open("/pagina-inesistente");
        open("/users/999999");
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theAdrServiceImportsTheMinisterialListThenFindsTheWorker() {
        String code = TestCodes.random(new java.util.Random(4242));
        String csv = "Codice fiscale;Data richiesta;Stato richiesta;CPI competente\n" + code
                + ";02/05/2017;Rilasciato;CPI TORINO - VIA BOLOGNA\nNONVALIDO;02/05/2017;Rilasciato;CPI ASTI\n";
        signIn("adr.regione");
        page.navigate(url("/imports/new"));
        check();
        page.getByLabel("Data dell'istantanea").fill("2017-05-22");
        page.getByLabel("File").setInputFiles(new com.microsoft.playwright.options.FilePayload("elenco-22-maggio.csv",
                "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importa")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/imports/\\d+$"));
        assertThat(page.locator("h1").textContent()).isEqualTo("Istantanea del 22/05/2017");
        assertThat(page.locator("main").textContent()).contains("CPI Torino – via Bologna", "NONVALIDO");
        check();
        page.navigate(url("/imports"));
        check();
        StringBuilder big = new StringBuilder("nome;cognome\n");
        while (big.length() < 2_100_000) {
            big.append("Mario;Rossi\n");
        }
        page.navigate(url("/imports/new"));
        page.getByLabel("Data dell'istantanea").fill("2017-05-22");
        page.getByLabel("File").setInputFiles(new com.microsoft.playwright.options.FilePayload("grande.csv", "text/csv",
                big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importa")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/imports/jobs/.*"));
        check();
        page.locator("#progress.alert-danger").waitFor();
        assertThat(page.locator("#progress").textContent()).contains("Mancano colonne obbligatorie");
        check();
        page.navigate(url("/workers"));
        page.getByLabel("Cerca per codice fiscale o nome").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerca")).click();
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        assertThat(page.locator("main").textContent()).contains("va completata");
        check();
        page.navigate(url("/requests?q=" + code));
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        assertThat(page.locator("main").textContent()).contains("Rilasciato", "22/05/2017");
        check();
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired it.ricolloca.workers.internal.WorkerRegister register;
    @org.springframework.beans.factory.annotation.Autowired it.ricolloca.accounts.internal.UserAccountRepository accounts;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anOperatorFilesChecksNotifiesRecordsObservationsAndReleasesThenTheMasterSeesTheHistory() throws Exception {
        String code = TestCodes.random(new java.util.Random(8080));
        it.ricolloca.accounts.CurrentUser admin = accounts.findByUsername("regione").orElseThrow().toCurrentUser();
        long torino = accounts.findByUsername("master.torino").orElseThrow().getCentreId();
        long worker = register.create(admin, code, "Chiara", "Colombo", torino).getId();
        jdbc.sql("insert into workers_invitation (worker_id, invitation_date) values (?, ?)")
                .params(worker, java.time.LocalDate.of(2026, 1, 15)).update();

        signIn("operatore.torino");
        page.navigate(url("/requests"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nuova richiesta intermediata")).click();
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Codice fiscale")).fill("NONVALIDO");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra la richiesta")).click();
        assertThat(page.locator("#taxCode-error").textContent()).isNotBlank();
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Codice fiscale")).fill(code);
        page.getByLabel("Sede del CPI").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra la richiesta")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/requests/\\d+$"));
        assertThat(page.locator("main").textContent()).contains("Richiesta intermediata registrata", "Richiesto");
        String requestUrl = page.url();
        check();

        recordCheck("EMPLOYMENT", "FAILED", "Comunicazione obbligatoria di assunzione del 2 marzo");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invia il preavviso di rigetto")).click();
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Motivi del preavviso")).fill("Risulta un rapporto di lavoro in corso.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invia il preavviso")).click();
        page.waitForURL(requestUrl);
        // the ten days run from the notice's receipt (art. 10-bis): the page asks for it, then counts them
        assertThat(page.locator("main").textContent()).contains("Preavviso di rigetto", "Registra il ricevimento del preavviso");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registra il ricevimento del preavviso")).first().click();
        check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra il ricevimento")).click();
        page.waitForURL(requestUrl);
        assertThat(page.locator("main").textContent()).contains("Preavviso di rigetto", "restano 1");
        String letter = page.locator("a[href*='/documents/']").first().getAttribute("href");
        com.microsoft.playwright.APIResponse pdf = page.request().get(url(letter));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        check();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registra le osservazioni")).click();
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Contenuto delle osservazioni")).fill("Il contratto è cessato il 28 febbraio.");
        page.getByLabel("Documenti allegati").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "cessazione.pdf", "application/pdf", onePagePdf()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra le osservazioni")).click();
        page.waitForURL(requestUrl);
        assertThat(page.locator("main").textContent()).contains("Il contratto è cessato il 28 febbraio.", "cessazione.pdf");
        check();

        recordCheck("EMPLOYMENT", "PASSED", "Cessazione verificata");
        recordCheck("NASPI", "PASSED", "");
        recordCheck("OTHER_ACTIVE_POLICY", "PASSED", "");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rilascia l'assegno")).click();
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Nota")).fill("Osservazioni accolte: il contratto è cessato.");
        page.locator("label[for=confirmed]").click();
        assertThat(page.getByLabel("Confermo il rilascio dell'assegno").isChecked()).isTrue();
        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rilascia").setExact(true)).click();
        page.waitForURL(requestUrl);
        assertThat(page.locator("main").textContent()).contains("Assegno rilasciato.", "Rilasciato");
        check();
        signOut();

        signIn("master.torino");
        page.navigate(url("/requests?q=" + code));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        String history = page.locator("section[aria-labelledby=events-heading]").textContent();
        assertThat(history).contains("Richiesta registrata", "Verifica", "Preavviso di rigetto", "Osservazioni",
                "Rilascio", "operatore.torino");
        check();
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired it.ricolloca.support.ReleasedWorkers released;

    @Test
    void theTutorBooksRecordsDraftsPrintsFillsSignsUploadsAndDownloadsTheDossier() throws Exception {
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Bruno", "Marta");
        released.releasedOn(request, it.ricolloca.shared.web.Dates.today().minusDays(1));
        java.time.ZonedDateTime yesterday = it.ricolloca.shared.web.Dates.today().minusDays(1).atTime(10, 0)
                .atZone(it.ricolloca.shared.web.Dates.ZONE);

        signIn("tutor.torino");
        page.navigate(url("/pathways/queue"));
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fissa il primo appuntamento di Bruno Marta")).click();
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Slot liberi")).selectOption(yesterday.toOffsetDateTime().toString());
        page.getByLabel(java.util.regex.Pattern.compile("^Giustificazione")).fill("Colloquio svolto ieri, registrato oggi.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prenota il primo appuntamento")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/pathways/\\d+$"));
        String pathwayUrl = page.url();
        assertThat(page.locator("main").textContent()).contains("Primo appuntamento fissato.", "Tutor Torino");
        check();

        page.locator("section[aria-labelledby=appointments-heading] a").first().click();
        check();
        page.getByLabel("Esito dell'appuntamento").selectOption("HELD");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra l'esito")).click();
        assertThat(page.locator("main").textContent()).contains("Esito registrato.", "Svolto");
        check();

        page.navigate(pathwayUrl);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Redigi il patto")).click();
        check();
        page.getByLabel("Tipo dell'azione 1").selectOption("CV");
        page.getByLabel("Descrizione dell'azione 1").fill("Riscrivere il curriculum con il tutor");
        page.getByLabel("Tipo dell'azione 2").selectOption("JOB_SEARCH");
        page.getByLabel("Descrizione dell'azione 2").fill("Tre candidature a settimana nella logistica");
        page.getByLabel("Prossimi appuntamenti").fill("Ogni giovedì alle 9:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva la bozza")).click();
        page.waitForURL(pathwayUrl);
        assertThat(page.locator("main").textContent()).contains("Bozza del patto salvata.", "Tre candidature");
        String pactPdf = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF della versione 1")).getAttribute("href");
        com.microsoft.playwright.APIResponse printed = page.request().get(url(pactPdf));
        assertThat(printed.status()).isEqualTo(200);
        assertThat(printed.headers().get("content-type")).isEqualTo("application/pdf");
        check();

        page.getByLabel("Ore", new Page.GetByLabelOptions().setExact(true)).fill("1,5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra le ore")).click();
        page.waitForURL(pathwayUrl);
        assertThat(page.locator("main").textContent()).contains("Ore registrate.", "totale 1,5");
        check();

        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Segna come firmato")).click();
        page.waitForURL(pathwayUrl);
        assertThat(page.locator("main").textContent()).contains("Patto firmato");
        check();
        page.getByLabel("Copia firmata scansionata").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "patto-firmato.pdf", "application/pdf", onePagePdf()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Carica la copia firmata")).click();
        page.waitForURL(pathwayUrl);
        assertThat(page.locator("main").textContent()).contains("Copia firmata caricata nel dossier.", "copia firmata");
        check();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dossier del lavoratore")).click();
        assertThat(page.locator("main").textContent()).contains("Patto di ricerca intensiva firmato", "Timesheet Fee4Service",
                "patto-firmato.pdf");
        check();
        String zipHref = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scarica il dossier (ZIP con indice)"))
                .getAttribute("href");
        com.microsoft.playwright.APIResponse zip = page.request().get(url(zipHref));
        assertThat(zip.status()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).contains("indice.csv").anyMatch(n -> n.endsWith("patto-firmato.pdf"))
                .anyMatch(n -> n.endsWith("patto-v1.pdf")).anyMatch(n -> n.endsWith("timesheet.pdf"));
        page.navigate(url("/agenda"));
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^CPI Torino"))).first().click();
        check();
        page.navigate(url("/pathways?mine=true"));
        check();
        signOut();

        signIn("master.torino");
        page.navigate(pathwayUrl);
        check();
        assertThat(page.locator("main").textContent()).contains("Marta Bruno", "firmato");
        page.navigate(url("/pathways/tutors"));
        assertThat(page.locator("main").textContent()).contains("Tutor Torino");
        check();
        long office = released.office("master.torino").id();
        open("/agenda/offices/" + office + "/templates");
        open("/agenda/offices/" + office + "/closures");
        signOut();
        assertThat(request).isPositive();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theTutorKeepsTheRegisterAndTheDiaryReportsAMissedAppointmentAndTheMasterDecidesTheBreach() {
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Registro", "Elio");
        java.time.LocalDate today = it.ricolloca.shared.web.Dates.today();
        String pathwayUrl = startedByTutor(request, today.minusDays(30));

        signIn("tutor.torino");
        page.navigate(pathwayUrl);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registro degli incontri")).click();
        check();
        for (int daysAgo : new int[] {28, 14, 2}) {
            page.getByLabel("Data", new Page.GetByLabelOptions().setExact(true)).fill(today.minusDays(daysAgo).toString());
            page.getByLabel("Argomenti").fill("Revisione del curriculum e delle candidature");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra l'incontro")).click();
            assertThat(page.locator("main").textContent()).contains("Incontro registrato.");
        }
        assertThat(page.locator("table tbody tr").count()).isEqualTo(3);
        check();

        page.navigate(pathwayUrl + "/diary");
        check();
        page.getByLabel("Azione", new Page.GetByLabelOptions().setExact(true)).selectOption("CV");
        page.getByLabel("Data", new Page.GetByLabelOptions().setExact(true)).fill(today.minusDays(20).toString());
        page.getByLabel("Modalità").fill("Curriculum rifatto con il tutor");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aggiungi la voce")).click();
        page.getByLabel("Azione", new Page.GetByLabelOptions().setExact(true)).selectOption("SPONTANEOUS_APPLICATION");
        page.getByLabel("Data", new Page.GetByLabelOptions().setExact(true)).fill(today.minusDays(10).toString());
        page.getByLabel("Indirizzo o mail dell'azienda").fill("selezione@logistica.example");
        page.getByLabel("Profilo professionale ricercato o proposto").fill("Magazziniere");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aggiungi la voce")).click();
        assertThat(page.locator("main").textContent()).contains("Voce aggiunta al diario.", "Magazziniere", "Autocandidatura");
        page.locator("select[name=meetingId]").first().selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(2));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Segna come rivista")).first().click();
        assertThat(page.locator("main").textContent()).contains("Voce segnata come rivista.");
        check();
        com.microsoft.playwright.APIResponse diary = page.request().get(url(pathwayUrl.replaceAll("^https?://[^/]+", "") + "/diary/pdf"));
        assertThat(diary.headers().get("content-type")).isEqualTo("application/pdf");

        page.navigate(pathwayUrl);
        page.getByLabel("Inadempienza").selectOption("MISSED_APPOINTMENT");
        page.getByLabel(java.util.regex.Pattern.compile("^Prove")).fill("Non si è presentato all'incontro fissato, nessun avviso.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Segnala l'inadempienza")).click();
        assertThat(page.locator("main").textContent()).contains("Inadempienza segnalata al CPI competente.");
        check();
        page.navigate(url("/pathways/worklist"));
        assertThat(page.locator("main").textContent()).contains("Registro Elio");
        check();
        signOut();

        signIn("master.torino");
        page.navigate(url("/conditionality"));
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Registro Elio"))).first().click();
        assertThat(page.locator("main").textContent()).contains("Sanzione proposta", "Decurtazione di un quarto di una mensilità");
        check();
        page.getByLabel("Giustificazione del lavoratore").fill("Nessuna giustificazione valida: dichiara di essersi dimenticato.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra la giustificazione")).click();
        assertThat(page.locator("main").textContent()).contains("Giustificazione registrata.");
        check();
        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra la decisione")).click();
        assertThat(page.locator("main").textContent()).contains("Decisione registrata.", "Sanzionata",
                "Decurtazione di un quarto di una mensilità");
        check();
        page.navigate(url("/conditionality/suitability"));
        page.getByLabel("Disoccupato dal").fill(today.minusMonths(7).toString());
        page.getByLabel("Data dell'offerta").fill(today.toString());
        page.getByLabel("Coerenza dell'offerta con esperienze e competenze (settori economico-professionali)")
                .selectOption("SAME_SECTOR");
        page.getByLabel("Distanza dal domicilio (km)").fill("65");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verifica")).click();
        assertThat(page.locator("main").textContent()).contains("non rispettato", "da verificare");
        check();
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    /** Books and records held, through the services, the first appointment of the request; returns the pathway's URL. */
    @Test
    void aNovaraReferentAddsAVacancyATorinoTutorProposesAWorkerAndTheHireClosesThePathway() {
        released.openEveryDay("master.torino");
        long request = released.release("master.torino", "Vetrina", "Ugo");
        java.time.LocalDate today = it.ricolloca.shared.web.Dates.today();
        String pathwayUrl = startedByTutor(request, today.minusDays(12));
        String tag = "Vtr" + (System.nanoTime() % 1_000_000);

        signIn("referente.novara");
        page.navigate(url("/vacancies"));
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nuova offerta")).click();
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Profilo richiesto")).fill("Carrellista " + tag);
        page.getByLabel("Codice fiscale o partita IVA dell'azienda").fill("0123456789X");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva")).click();
        assertThat(page.locator("main").textContent()).contains("Indica il nome dell'azienda.",
                "Il codice fiscale o la partita IVA dell'azienda non è valido");
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Nome azienda")).fill("Trasporti Novaresi S.r.l.");
        page.getByLabel("Codice fiscale o partita IVA dell'azienda").fill("01234567897");
        page.getByLabel("Competenze – requisiti").fill("Patentino per carrelli elevatori");
        page.getByLabel("Tipo di contratto").selectOption("PERMANENT");
        page.getByLabel("Comune della sede di lavoro").fill("Novara");
        page.getByLabel("Ore settimanali").fill("40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/vacancies/\\d+$"));
        String vacancyUrl = page.url();
        assertThat(page.locator("main").textContent()).contains("Offerta inserita nella vetrina.", "Referente offerte Novara");
        check();
        signOut();

        signIn("tutor.torino");
        page.navigate(url("/vacancies"));
        page.getByLabel("Testo libero").fill(tag.toLowerCase() + " carrelli");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerca").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Carrellista " + tag)).click();
        check();
        page.getByLabel("Lavoratore").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Vetrina Ugo"));
        page.getByLabel("Nota per il referente").fill("Ha il patentino da due anni.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proponi").setExact(true)).click();
        assertThat(page.locator("main").textContent()).contains("Candidato proposto", "Proposto");
        check();
        signOut();

        signIn("referente.novara");
        page.navigate(vacancyUrl);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ugo Vetrina")).click();
        check();
        page.getByLabel("Esito", new Page.GetByLabelOptions().setExact(true)).selectOption("SENT_TO_COMPANY");
        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra l'esito")).click();
        assertThat(page.locator("main").textContent()).contains("Esito registrato");
        page.getByLabel("Esito", new Page.GetByLabelOptions().setExact(true)).selectOption("HIRED");
        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra l'esito")).click();
        assertThat(page.locator("dl").textContent()).contains("Assunto");
        check();
        signOut();

        signIn("tutor.torino");
        page.navigate(pathwayUrl);
        String section = page.locator("section[aria-labelledby=referrals-heading]").textContent();
        assertThat(section).contains("Carrellista " + tag, "Trasporti Novaresi S.r.l.", "Assunto");
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Offerte adatte al lavoratore")).click();
        assertThat(page.locator("main").textContent()).contains("Punteggio", "Professione:");
        check();
        page.navigate(pathwayUrl);
        page.locator("section[aria-labelledby=referrals-heading] a").first().click();
        assertThat(page.getByLabel("Partita IVA del datore di lavoro").inputValue()).isEqualTo("01234567897");
        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chiudi il percorso")).click();
        page.waitForURL(pathwayUrl);
        assertThat(page.locator("main").textContent()).contains("Percorso chiuso con esito «assunto».",
                "Trasporti Novaresi S.r.l.");
        check();
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theAdrServiceOpensTheMonitoringChangesTheSnapshotDrillsIntoACellAndExports() throws Exception {
        it.ricolloca.accounts.CurrentUser admin = released.user("regione");
        java.util.Random random = new java.util.Random(1510);
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            codes.add(it.ricolloca.support.TestCodes.random(random));
        }
        String head = "codice fiscale;data richiesta;stato;cpi competente\n";
        requestLists.importFile(admin, "mon-1.csv", (head + codes.get(0) + ";01/10/2015;Richiesto;CPI Novara\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), java.time.LocalDate.of(2015, 10, 1));
        requestLists.importFile(admin, "mon-2.csv", (head + codes.get(0) + ";01/10/2015;Rilasciato;CPI Novara\n"
                + codes.get(1) + ";05/10/2015;Rilasciato;CPI Novara\n" + codes.get(2) + ";06/10/2015;Richiesto;CPI Asti\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), java.time.LocalDate.of(2015, 10, 8));

        signIn("adr.regione");
        page.navigate(url("/monitoring"));
        check();
        page.getByLabel("Data dell'elenco").fill("2015-10-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mostra")).click();
        assertThat(page.locator("main").textContent()).contains("Elenco ministeriale del 01/10/2015");
        check();
        page.getByLabel("Data dell'elenco").fill("2015-10-08");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mostra")).click();
        assertThat(page.locator("main").textContent()).contains("Elenco ministeriale del 08/10/2015", "+200,0%");
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2 richieste di CPI Novara nello stato Rilasciato"))
                .click();
        assertThat(page.locator("table tbody tr").count()).isEqualTo(2);
        assertThat(page.locator("main").textContent()).contains(codes.get(0), codes.get(1)).doesNotContain(codes.get(2));
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Torna al monitoraggio")).click();
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Scarica la tabella (Excel)")).click());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                java.nio.file.Files.newInputStream(download.path()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("CPI competente");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("Totale regionale");
            int last = sheet.getRow(0).getLastCellNum() - 1;
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(last).getNumericCellValue()).isEqualTo(3);
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
                "Percorsi, condizionalità, vetrina e andamento nel tempo")).click();
        page.getByLabel("Dal", new Page.GetByLabelOptions().setExact(true)).fill("2015-10-01");
        page.getByLabel("Al", new Page.GetByLabelOptions().setExact(true)).fill("2015-10-31");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mostra")).click();
        assertThat(page.locator("#table-trend + p + div table").textContent()).contains("01/10/2015", "08/10/2015");
        page.waitForFunction("() => typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('trend-chart'))");
        assertThat(page.evaluate("() => Chart.getChart(document.getElementById('trend-chart')).data.datasets[0].data"))
                .asString().isEqualTo("[1, 3]");
        check();
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theRegionRunsACourseMasterNovaraEnrolsTheTutorAndTheCertificateDownloads() throws Exception {
        signIn("regione");
        page.navigate(url("/training"));
        check();
        page.getByLabel("Titolo del corso").fill("Vetrina e incrocio: corso del browser");
        page.getByLabel("Contenuto").selectOption("VACANCY_BOARD");
        page.getByLabel(Pattern.compile("^Ore\\b")).fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crea il corso")).click();
        assertThat(page.locator("main").textContent()).contains("Corso creato.", "Vetrina e incrocio: corso del browser");
        check();
        page.getByLabel("Luogo").fill("Sala corsi, Novara");
        page.getByLabel("Docente").fill("Dott.ssa Formatrice");
        page.getByLabel("Posti").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crea la sessione")).click();
        assertThat(page.locator("main").textContent()).contains("Sessione creata.", "nessun iscritto su 12 posti");
        String session = page.url();
        check();
        signOut();

        signIn("master.novara");
        page.navigate(session);
        page.getByLabel("Persona del tuo CPI").selectOption(String.valueOf(released.user("tutor.novara").id()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Iscrivi")).click();
        assertThat(page.locator("main").textContent()).contains("Iscrizione registrata.", "1 iscritto su 12 posti");
        check();
        signOut();

        signIn("regione");
        page.navigate(session);
        page.locator("form[action$='/attendance'] label.form-check-label").first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra le presenze")).click();
        assertThat(page.locator("main").textContent()).contains("Presenze registrate.");
        check();
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator(
                "a[href$='/certificate.pdf']").first().click());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
                java.nio.file.Files.readAllBytes(download.path()))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("Attestato di partecipazione", "CPI Novara", "Vetrina e incrocio: corso del browser",
                            "Dott.ssa Formatrice");
        }
        page.navigate(url("/training/coverage"));
        assertThat(page.locator("main").textContent()).contains("CPI Novara");
        check();
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired it.ricolloca.support.ClosedPathways closedPathways;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient claimJdbc;

    @Test
    void aHireBecomesAClaimThatTheMasterReviewsAndSubmitsAndTheRegionRecordsAsPaid() {
        long office = closedPathways.newTorinoOffice();
        long pathway = closedPathways.started(office, "Rimborsata", "Olga", 30);
        claimJdbc.sql("update workers_worker set profiling_index = 0.65 where id = (select worker_id from pathway_pathway"
                + " where id = ?)").param(pathway).update();
        closedPathways.close(pathway, it.ricolloca.pathway.PathwayOutcome.HIRED, new it.ricolloca.pathway.Pathway.Hire(
                "Browser Srl", it.ricolloca.support.ClosedPathways.VAT, it.ricolloca.pathway.ContractType.PERMANENT,
                new java.math.BigDecimal("38"), it.ricolloca.shared.web.Dates.today(), null));
        long claim = closedPathways.claimOf(pathway).getId();

        signIn("master.torino");
        page.navigate(url("/claims"));
        check();
        page.getByLabel("Lavoratore (nome o codice fiscale)").fill("rimborsata olga");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerca")).click();
        // 1000 + (0.65 − 0.5) × 2 × (5000 − 1000)
        assertThat(page.locator("table").textContent()).contains("Rimborsata Olga", "2.200,00 €", "Preparata");
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rimborsata Olga")).click();
        assertThat(page.locator("main").textContent()).contains("Tempo indeterminato o apprendistato", "0,65", "2.200,00 €");
        check();
        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Segna come verificata")).click();
        assertThat(page.locator("main").textContent()).contains("Domanda verificata.", "Verificata");
        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invia all'ANPAL")).click();
        assertThat(page.locator("main").textContent()).contains("Domanda inviata.");
        check();
        signOut();

        signIn("adr.regione");
        page.navigate(url("/claims/" + claim));
        page.getByLabel("Importo pagato (€)").fill("2.200,00");
        page.onceDialog(d -> d.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra il pagamento")).click();
        assertThat(page.locator("main").textContent()).contains("Pagamento registrato.", "Pagata", "pagati 2.200,00 €");
        check();
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired it.ricolloca.requests.internal.RequestListImporter requestLists;

    private String startedByTutor(long request, java.time.LocalDate day) {
        it.ricolloca.accounts.CurrentUser tutor = released.user("tutor.torino");
        released.releasedOn(request, day);
        long id = pathwayStart.bookFirstAppointment(tutor, request, day.atTime(11, 0).atZone(it.ricolloca.shared.web.Dates.ZONE),
                null, null, "registrato a posteriori");
        var first = pathwayWork.appointments(pathwayWork.get(tutor, id)).get(0);
        agendaService.recordOutcome(tutor, first.getId(), first.getVersion(), it.ricolloca.agenda.AppointmentStatus.HELD, null);
        return url("/pathways/" + id);
    }

    @org.springframework.beans.factory.annotation.Autowired it.ricolloca.pathway.internal.PathwayWork pathwayWork;

    @org.springframework.beans.factory.annotation.Autowired it.ricolloca.pathway.internal.PathwayStart pathwayStart;
    @org.springframework.beans.factory.annotation.Autowired it.ricolloca.agenda.Agenda agendaService;

    private void recordCheck(String kind, String outcome, String note) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registra una verifica")).click();
        page.getByLabel(java.util.regex.Pattern.compile("^Verifica")).selectOption(kind);
        // Bootstrap Italia draws the radio with its label on top: a user clicks the label.
        page.locator("label[for='outcome-" + outcome + "']").click();
        page.getByLabel(java.util.regex.Pattern.compile("^Nota")).fill(note);
        check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registra la verifica")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/requests/\\d+$"));
        assertThat(page.locator("main").textContent()).contains("Verifica registrata.");
    }

    private static byte[] onePagePdf() throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void otherRolesSeeTheirOwnHomeAndMenu() {
        for (String user : List.of("adr.regione", "reclutamenti.regione", "operatore.novara", "tutor.torino",
                "referente.novara")) {
            signIn(user);
            check(); // the home is the role's own
            walkMenu(false);
            open("/audit");
            assertThat(page.locator("h1").textContent()).isEqualTo("Accesso non consentito");
            signOut();
        }
        assertThat(visited).contains(url("/delegations"));
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    /**
     * A button that starts a long operation says at once that it started, and the operation's progress is
     * polled under its form's token (ADR 0028): the audit verification, read back at the end as all done.
     */
    @Test
    void aLongOperationShowsItStartedAndItsProgress() {
        signIn("regione");
        open("/audit");
        String token = page.locator("form[action='/audit/verify'] input[name='progress']").getAttribute("value");
        @SuppressWarnings("unchecked")
        List<Object> started = (List<Object>) page.evaluate("() => {"
                + " const form = document.querySelector(\"form[action='/audit/verify']\");"
                + " form.requestSubmit();"
                + " const button = form.querySelector('button[type=submit]');"
                + " return [button.textContent, button.getAttribute('aria-disabled'),"
                + " form.querySelector('[data-progress-url]').hidden]; }");
        assertThat(started).containsExactly("In corso…", "true", false);
        page.locator(".alert-success").waitFor();
        assertThat(page.locator(".alert-success").textContent()).contains("Catena integra");
        check();
        page.navigate(url("/progress/" + token));
        assertThat(page.locator("[data-percentage]").getAttribute("data-percentage")).isEqualTo("100");
        assertThat(page.locator("[data-total]").getAttribute("data-total"))
                .isEqualTo(page.locator("[data-done]").getAttribute("data-done"));
        assertThat(page.locator("body").textContent()).contains("Voci del registro verificate", "(100%)");
        page.navigate(url("/"));
        signOut();
        assertThat(violations).isEmpty();
        assertThat(consoleErrors).isEmpty();
    }

    /** The register: a new worker, a wrong code first, then the record and its edit form. */
    private void addAndOpenAWorker() {
        String first15 = "BRWSRA80A41L219";
        String code = first15 + CodiceFiscale.checkCharacter(first15);
        page.navigate(url("/workers/new"));
        page.getByLabel(java.util.regex.Pattern.compile("^Codice fiscale")).fill(first15 + (char) ('A' + (code.charAt(15) - 'A' + 1) % 26));
        page.getByLabel(java.util.regex.Pattern.compile("^Nome")).fill("Sara");
        page.getByLabel(java.util.regex.Pattern.compile("^Cognome")).fill("Browser");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva")).click();
        assertThat(page.locator("#taxCode-error").textContent()).contains("carattere di controllo");
        check();
        page.getByLabel(java.util.regex.Pattern.compile("^Codice fiscale")).fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Salva")).click();
        assertThat(page.locator("h1").textContent()).isEqualTo("Sara Browser");
        check();
        page.navigate(url("/workers?q=" + code.substring(0, 8)));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifica").setExact(true)).click();
        check();
    }

    private void signIn(String username) {
        page.navigate(url("/login"));
        page.getByLabel("Nome utente").fill(username);
        page.getByLabel("Password").fill("demo-ricolloca");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accedi")).click();
        page.waitForURL(url("/"));
        assertThat(page.locator("h1").textContent()).startsWith("Benvenuto");
    }

    private void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Esci")).click();
        page.waitForURL(url("/login?logout"));
        check();
    }

    /**
     * Opens every page of the signed-in role's menu from the home. With {@code analyseEveryPage} each is
     * analysed by axe; without, only the pages no role has had analysed yet in this class (the same
     * template serves every role; the richest variants are the administrator's and the master's).
     */
    private void walkMenu(boolean analyseEveryPage) {
        Locator links = page.locator("nav#nav a");
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < links.count(); i++) {
            hrefs.add(links.nth(i).getAttribute("href"));
        }
        assertThat(hrefs).isNotEmpty();
        for (String href : hrefs) {
            page.navigate(url("/"));
            page.locator("nav#nav a[href='" + href + "']").click();
            page.waitForURL(url(href));
            assertThat(page.locator("a[aria-current=page]").getAttribute("href")).isEqualTo(href);
            if (analysedMenuPages.add(href) || analyseEveryPage) {
                check();
            } else {
                page.waitForLoadState();
                visited.add(page.url());
                codeLookingText();
            }
        }
    }

    private void open(String path) {
        page.navigate(url(path));
        check();
    }

    private void check() {
        page.waitForLoadState();
        visited.add(page.url());
        codeLookingText();
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        AxeResults results = new AxeBuilder(page).options(options).withTags(WCAG).analyze();
        for (Rule rule : results.getViolations()) {
            violations.add(page.url() + " → " + rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
                    .map(n -> String.valueOf(n.getTarget())).toList());
        }
    }

    /**
     * A person reads Italian, never a code: visible text like {@code OTHER_ACTIVE_POLICY} (upper-case words
     * joined by underscores) or {@code UserAccount 12} (a type name and an id) is reported with the page.
     */
    private void codeLookingText() {
        String text = page.locator("body").innerText();
        Matcher m = CODE_LIKE.matcher(text);
        while (m.find()) {
            violations.add(page.url() + " → testo che sembra un codice: " + m.group());
        }
    }

    private static final Pattern CODE_LIKE = Pattern.compile(
            "\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+ \\d+\\b");

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
