package com.complaintdesk.reporting.adapters.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV in UTF-8 with a byte-order mark, so a spreadsheet program opens Chinese text as it is. */
public final class Csv {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value);
        // a cell starting like a formula is shown as text, never evaluated (CSV injection)
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
