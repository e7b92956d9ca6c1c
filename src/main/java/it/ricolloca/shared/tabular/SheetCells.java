package it.ricolloca.shared.tabular;

import java.math.BigDecimal;
import java.sql.Date;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;

/** Writes one value read from the database into an exported sheet: dates as dates, numbers as numbers, text neutralised. */
public final class SheetCells {

    private SheetCells() {
    }

    public static void write(Row row, int column, Object value, CellStyle date) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Date d) {
            cell.setCellValue(d.toLocalDate());
            cell.setCellStyle(date);
        } else if (value instanceof BigDecimal b) {
            cell.setCellValue(b.doubleValue());
        } else if (value instanceof Number num) {
            cell.setCellValue(num.doubleValue());
        } else {
            cell.setCellValue(SpreadsheetText.neutralise(value.toString()));
        }
    }
}
