package it.ricolloca.vacancies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ricolloca.accounts.CurrentUser;
import it.ricolloca.shared.tabular.ImportReport;
import it.ricolloca.shared.tabular.ImportReport.Rejection;
import it.ricolloca.shared.tabular.UnreadableFileException;
import it.ricolloca.support.IntegrationTest;
import it.ricolloca.support.ReleasedWorkers;
import it.ricolloca.vacancies.internal.BoardExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The board file both ways: a messy file as the network writes it, every rejected row, and an export that re-imports unchanged. */
@IntegrationTest
class BoardExchangeTest {

    @Autowired BoardExchange exchange;
    @Autowired ReleasedWorkers released;
    @Autowired JdbcClient jdbc;

    static final String[] HEADER = {"STATO", "data arrivo offerta", "Profilo  richiesto", "N. posizioni", "Nome Azienda",
        "Codice Fiscale", "Area economica", "Proposta contratto", "Competenze – requisiti", "CPI", "Referente offerta",
        "Mail referente", "Note", "Colonna nostra"};

    /** The seed's columns (case, spaces and the en dash as people type them), an extra column, and messy rows. */
    byte[] messyBoard(String tag) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Vetrina 2026");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            row(sheet, 0, (Object[]) HEADER);
            Row first = row(sheet, 1, "Aperta", LocalDate.of(2026, 10, 1), tag + " Magazziniere", 2, "Logistica Srl",
                    1234567897d, "Trasporti", "Tempo determinato 6 mesi", "Carrelli elevatori, turni",
                    "CPI Torino - via Bologna", "Referente offerte Torino", "referente.torino@example.org",
                    "=HYPERLINK(\"http://x\")", "ignorata");
            first.getCell(1).setCellStyle(date);
            sheet.createRow(2);
            row(sheet, 3, "in selezione", "15/10/2026", tag + " Saldatore", "1", "Meccanica Spa", "", "Metalmeccanica",
                    "Tempo indeterminato", "Saldatura a filo", "centro per l'impiego di novara", "Mario Esterno",
                    "mario.esterno@example.org", "", "");
            row(sheet, 4, "Aperta", "31/02/2026", tag + " Data impossibile", "1", "Ditta", "", "", "", "", "CPI Asti", "",
                    "", "", "");
            row(sheet, 5, "Aperta", "01/10/2026", tag + " CPI inventato", "1", "Ditta", "", "", "", "", "CPI Atlantide", "",
                    "", "", "");
            row(sheet, 6, "Aperta", "01/10/2026", tag + " Partita IVA", "1", "Ditta", "12345678901", "", "", "", "CPI Asti",
                    "", "", "", "");
            Row again = row(sheet, 7, "Aperta", LocalDate.of(2026, 10, 1), tag + " Magazziniere", 2, "Logistica Srl",
                    1234567897d, "", "", "", "CPI Torino - via Bologna", "", "", "", "");
            again.getCell(1).setCellStyle(date);
            row(sheet, 8, "Sospesa", "2026-09-20", tag + " Cuoco", "3", "Hotel Bergblick", "", "Ristorazione",
                    "Tempo determinato 4 mesi", "Cucina tradizionale, tedesco", "Eures", "", "", "", "");
            row(sheet, 9, "Aperta", "01/10/2026", tag + " Referente altrui", "1", "Ditta", "", "", "", "",
                    "CPI Torino - via Bologna", "Referente offerte Novara", "referente.novara@example.org", "", "");
            row(sheet, 10, "boh", "01/10/2026", tag + " Stato ignoto", "1", "Ditta", "", "", "", "", "CPI Asti", "", "",
                    "", "");
            row(sheet, 11, "Aperta", "01/10/2026", "", "1", "Ditta senza profilo", "", "", "", "", "CPI Asti", "", "", "",
                    "");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof LocalDate d) {
                row.createCell(i).setCellValue(d);
            } else if (v instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (!"".equals(v)) {
                row.createCell(i).setCellValue(v.toString());
            }
        }
        return row;
    }

    CurrentUser service() {
        return released.user("reclutamenti.regione");
    }

    @Test
    void aMessyBoardFileIsReadAndEveryRejectedRowIsReported() throws Exception {
        String tag = "X" + System.nanoTime();
        ImportReport report = exchange.importBoard(service(), "vetrina.xlsx", messyBoard(tag));

        assertThat(report.read()).isEqualTo(10);
        assertThat(report.created()).isEqualTo(3);
        Map<Integer, String> reasons = report.rejections().stream()
                .collect(Collectors.toMap(Rejection::line, Rejection::reason));
        assertThat(reasons).containsOnlyKeys(5, 6, 7, 8, 10, 11, 12);
        assertThat(reasons.get(5)).contains("data non valida").contains("31/02/2026");
        assertThat(reasons.get(6)).contains("CPI non riconosciuto: CPI Atlantide");
        assertThat(reasons.get(7)).contains("partita IVA").contains("12345678901");
        assertThat(reasons.get(8)).contains("ripetuta").contains("riga 2");
        assertThat(reasons.get(10)).contains("referente.novara@example.org");
        assertThat(reasons.get(11)).contains("Stato dell'offerta non riconosciuto: boh");
        assertThat(reasons.get(12)).contains("profilo richiesto");

        var first = jdbc.sql("""
                select status, arrived_on, positions, company_tax_code, contract_type, contract_months, referent_user_id,
                    notes, source from vacancies_vacancy where profile = ?""").param(tag + " Magazziniere")
                .query((rs, n) -> List.of(rs.getString(1), rs.getObject(2, LocalDate.class).toString(), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getLong(7) > 0, rs.getString(8), rs.getString(9)))
                .single();
        assertThat(first).containsExactly("OPEN", "2026-10-01", 2, "01234567897", "FIXED_TERM", 6, true,
                "=HYPERLINK(\"http://x\")", "CPI");
        var second = jdbc.sql("""
                select status, contract_type, referent_user_id, referent_email from vacancies_vacancy where profile = ?""")
                .param(tag + " Saldatore")
                .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getObject(3), rs.getString(4)))
                .single();
        assertThat(second).containsExactly("IN_SELECTION", "PERMANENT", null, "mario.esterno@example.org");
        var eures = jdbc.sql("select status, source, centre_id, contract_months from vacancies_vacancy where profile = ?")
                .param(tag + " Cuoco")
                .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getObject(3), rs.getInt(4)))
                .single();
        assertThat(eures).containsExactly("SUSPENDED", "EURES", null, 4);

        ImportReport twice = exchange.importBoard(service(), "vetrina.xlsx", messyBoard(tag));
        assertThat(twice.created()).as("the same file again creates nothing").isZero();
        assertThat(twice.updated()).isZero();
        assertThat(twice.unchanged()).isEqualTo(3);
    }

    @Test
    void theExportHasTheSeedsColumnsInOrderNeutralisesFormulasAndReimportsUnchanged() throws Exception {
        String tag = "E" + System.nanoTime();
        exchange.importBoard(service(), "vetrina.xlsx", messyBoard(tag));
        long total = jdbc.sql("select count(*) from vacancies_vacancy").query(Long.class).single();
        String before = snapshot();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.export(released.user("tutor.torino"), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row head = wb.getSheetAt(0).getRow(0);
            List<String> seed = List.of("Stato", "Data arrivo offerta", "Profilo richiesto", "N. Posizioni", "Nome azienda",
                    "Codice fiscale", "Area economica", "Proposta contratto", "Competenze – requisiti", "Cpi",
                    "Referente offerta", "Mail referente", "Note");
            for (int i = 0; i < seed.size(); i++) {
                assertThat(head.getCell(i).getStringCellValue()).isEqualTo(seed.get(i));
            }
            assertThat(head.getCell(head.getLastCellNum() - 1).getStringCellValue()).isEqualTo("Codice offerta");
            boolean neutralised = false;
            for (Row r : wb.getSheetAt(0)) {
                var note = r.getCell(12);
                if (note != null && note.getStringCellValue().equals("'=HYPERLINK(\"http://x\")")) {
                    neutralised = true;
                }
                for (var cell : r) {
                    assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                }
            }
            assertThat(neutralised).isTrue();
        }

        ImportReport report = exchange.importBoard(service(), "export.xlsx", out.toByteArray());
        assertThat(report.rejections()).isEmpty();
        assertThat(report.created()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(report.unchanged()).isEqualTo(total);
        assertThat(snapshot()).as("the same vacancies").isEqualTo(before);
    }

    @Test
    void onlyTheRegionalServiceImportsAndAFileWithoutTheRequiredColumnsChangesNothing() {
        byte[] csv = "Stato;Nome azienda\nAperta;Ditta\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> exchange.importBoard(released.user("referente.torino"), "v.csv", csv))
                .isInstanceOf(AccessDeniedException.class);
        long before = jdbc.sql("select count(*) from vacancies_vacancy").query(Long.class).single();
        assertThatThrownBy(() -> exchange.importBoard(service(), "v.csv", csv))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("vacancy.import.missingColumns"));
        assertThatThrownBy(() -> exchange.importBoard(service(), "v.xlsx", "PK\u0003\u0004rotto".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnreadableFileException.class);
        assertThat(jdbc.sql("select count(*) from vacancies_vacancy").query(Long.class).single()).isEqualTo(before);
    }

    private String snapshot() {
        return String.join("\n", jdbc.sql("""
                select concat_ws('|', id, status, arrived_on, profile, profession_code, profession_classification, positions,
                    company_name, company_tax_code, economic_area, ateco_code, ateco_version, contract_proposal,
                    contract_type, contract_months, skills, centre_id, source, referent_user_id, referent_name,
                    referent_email, notes, workplace_municipality, workplace_province, weekly_hours, salary_min,
                    salary_max, closing_on, version) from vacancies_vacancy order by id""").query(String.class).list());
    }
}
