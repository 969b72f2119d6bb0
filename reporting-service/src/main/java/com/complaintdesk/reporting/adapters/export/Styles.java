package com.complaintdesk.reporting.adapters.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;

/** What every report workbook shares: a bold header style, a large title style, and writing one row of values. */
final class Styles {

    private Styles() {
    }

    static CellStyle bold(Workbook wb, int points) {
        CellStyle style = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        if (points > 0) {
            font.setFontHeightInPoints((short) points);
        }
        style.setFont(font);
        return style;
    }

    /** Numbers as numbers (so a spreadsheet can sum and chart them), everything else as text; null leaves it empty. */
    static void cells(Row row, CellStyle style, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            var c = row.createCell(i);
            if (v instanceof Number n) {
                c.setCellValue(n.doubleValue());
            } else if (v != null) {
                c.setCellValue(String.valueOf(v));
            }
            if (style != null) {
                c.setCellStyle(style);
            }
        }
    }
}
