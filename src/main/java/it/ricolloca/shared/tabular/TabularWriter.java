package it.ricolloca.shared.tabular;

import it.ricolloca.shared.web.Dates;
import it.ricolloca.shared.web.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The one writer of tabular exports, row by row without holding the file: a streaming XLSX (numbers
 * as numeric cells, dates as date cells, a bold header) or a CSV (UTF-8 with BOM, {@code ;}, dates
 * {@code gg/mm/aaaa}, numbers {@code 1650,5} as Italian spreadsheets read them). Text that a
 * spreadsheet would run as a formula is neutralised in both. Nothing outside {@code shared.tabular}
 * builds a workbook or a CSV.
 */
public abstract sealed class TabularWriter implements AutoCloseable {

    /** A streaming workbook with one sheet named {@code sheetName}; written to {@code out} at {@link #close()}. */
    public static TabularWriter xlsx(OutputStream out, String sheetName) {
        return new Xlsx(out, sheetName);
    }

    /** A CSV written to {@code out} as rows come. */
    public static TabularWriter csv(OutputStream out) {
        return new Csv(out);
    }

    /** A share (0.125 for 12,5%): a percent cell in a workbook, {@code 12,5%} in a CSV. */
    public record Share(BigDecimal fraction) {
    }

    /** Starts a further sheet (XLSX); a CSV has one table only, so this is refused there. */
    public abstract TabularWriter sheet(String name);

    /** One row; each value is text, a number, a {@link LocalDate}, an {@link Instant} or null (a blank cell). */
    public abstract TabularWriter row(List<?> values);

    public final TabularWriter row(Object... values) {
        return row(Arrays.asList(values));
    }

    /** The header row. */
    public abstract TabularWriter header(List<String> names);

    public final TabularWriter header(String... names) {
        return header(List.of(names));
    }

    @Override
    public abstract void close();

    private static final class Xlsx extends TabularWriter {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final CellStyle date;
        private final CellStyle dateTime;
        private final CellStyle bold;
        private final CellStyle percent;
        private Sheet sheet;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            var format = workbook.getCreationHelper().createDataFormat();
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("dd/mm/yyyy"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(format.getFormat("dd/mm/yyyy hh:mm"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(format.getFormat("0.0%"));
            bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            sheet(sheetName);
        }

        @Override
        public TabularWriter sheet(String name) {
            sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
            next = 0;
            return this;
        }

        @Override
        public TabularWriter header(List<String> names) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < names.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(SpreadsheetText.neutralise(names.get(i)));
                cell.setCellStyle(bold);
            }
            return this;
        }

        @Override
        public TabularWriter row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (v instanceof Share share) {
                    cell.setCellValue(share.fraction().doubleValue());
                    cell.setCellStyle(percent);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v instanceof Date d) {
                    cell.setCellValue(d.toLocalDate());
                    cell.setCellStyle(date);
                } else if (v instanceof Instant || v instanceof Timestamp) {
                    Instant t = v instanceof Timestamp ts ? ts.toInstant() : (Instant) v;
                    cell.setCellValue(LocalDateTime.ofInstant(t, Dates.ZONE));
                    cell.setCellStyle(dateTime);
                } else {
                    cell.setCellValue(SpreadsheetText.neutralise(v.toString()));
                }
            }
            return this;
        }

        @Override
        public void close() {
            try (workbook) {
                workbook.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Csv extends TabularWriter {

        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                printer = new CSVPrinter(writer, CSVFormat.Builder.create().setDelimiter(';').setQuote('"')
                        .setRecordSeparator("\r\n").get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public TabularWriter sheet(String name) {
            throw new UnsupportedOperationException("a CSV has one table");
        }

        @Override
        public TabularWriter header(List<String> names) {
            return row(names);
        }

        @Override
        public TabularWriter row(List<?> values) {
            try {
                for (Object v : values) {
                    printer.print(text(v));
                }
                printer.println();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(Object v) {
            if (v == null) {
                return "";
            } else if (v instanceof Share share) {
                return Numbers.input(share.fraction().movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
            } else if (v instanceof BigDecimal b) {
                return Numbers.input(b);
            } else if (v instanceof Double || v instanceof Float) {
                return Numbers.input(new BigDecimal(v.toString()));
            } else if (v instanceof Number n) {
                return n.toString();
            } else if (v instanceof LocalDate d) {
                return Dates.format(d);
            } else if (v instanceof Date d) {
                return Dates.format(d.toLocalDate());
            } else if (v instanceof Timestamp t) {
                return Dates.format(t.toInstant());
            } else if (v instanceof Instant t) {
                return Dates.format(t);
            }
            return SpreadsheetText.neutralise(v.toString());
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
