package it.ricolloca.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TabularWriterTest {

    @Test
    void aWorkbookKeepsNumbersAndDatesAsSuchAndNeutralisesFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter w = TabularWriter.xlsx(out, "Domande")) {
            w.header("Nome", "Importo", "Data");
            w.row("=HYPERLINK(\"x\")", new BigDecimal("1650.50"), LocalDate.of(2026, 3, 31));
            w.row(null, 7L, null);
            w.sheet("Altro").row("a");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = wb.getSheet("Domande");
            assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Importo");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(s.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(s.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1650.5);
            assertThat(s.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 31));
            assertThat(s.getRow(2).getCell(0)).isNull();
            assertThat(s.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(7.0);
            assertThat(wb.getSheet("Altro").getRow(0).getCell(0).getStringCellValue()).isEqualTo("a");
        }
    }

    @Test
    void aCsvIsItalianAndSafe() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TabularWriter w = TabularWriter.csv(out)) {
            w.header("Nome", "Importo", "Data");
            w.row("Rossi; Mario", new BigDecimal("1650.50"), LocalDate.of(2026, 3, 31));
            w.row("+39 011", null, null);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFFNome;Importo;Data\r\n\"Rossi; Mario\";1650,5;31/03/2026\r\n'+39 011;;\r\n");
    }
}
