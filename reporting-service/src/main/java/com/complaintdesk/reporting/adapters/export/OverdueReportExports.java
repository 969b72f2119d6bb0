package com.complaintdesk.reporting.adapters.export;

import com.complaintdesk.reporting.application.ReportingProperties;
import com.complaintdesk.reporting.reports.domain.OverdueReport;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily overdue report (SPEC §3.17) as CSV and as an XLSX the service supervisor opens as it is: title, date, how
 * many, one line per late clock (desk-zone times, hours overdue, the escalation level reached).
 */
@Component
public class OverdueReportExports {

    static final List<String> HEADERS = List.of("投诉编号 Complaint", "状态 Status", "分类 Category", "严重程度 Severity",
            "部门 Department", "处理人 Handler", "监督人 Supervisor", "时限 Clock", "期限 Due", "超时小时 Hours overdue",
            "升级层级 Escalation", "催办 Urges");

    private final DateTimeFormatter time;
    private final String zone;

    public OverdueReportExports(ReportingProperties properties) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.zone());
        this.zone = properties.zone().getId();
    }

    static String title(OverdueReport r) {
        return "超时投诉日报 Daily overdue report " + r.date();
    }

    String subtitle(OverdueReport r) {
        return "共 " + r.total() + " 件超过时限的未结投诉 complaints past a time limit · 生成 generated "
                + format(r.generatedAt()) + " (" + zone + ") · 时间为 " + zone + " 时间 times in " + zone;
    }

    List<List<Object>> rows(OverdueReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (OverdueReport.Item i : r.items()) {
            for (OverdueReport.LateClock c : i.lateClocks()) {
                rows.add(java.util.Arrays.asList(i.complaintNumber(), i.status(), i.category(), i.severity(), i.department(),
                        i.handler(), i.supervisor(), c.clock(), format(c.dueAt()), c.hoursOverdue(), c.escalationLevel(),
                        i.urgeCount()));
            }
        }
        return rows;
    }

    public byte[] csv(OverdueReport r) {
        Csv csv = new Csv().row(title(r)).row(subtitle(r)).row().row(HEADERS);
        rows(r).forEach(csv::row);
        return csv.bytes();
    }

    public byte[] xlsx(OverdueReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("超时 Overdue " + r.date());
            CellStyle bold = Styles.bold(wb, 0);
            CellStyle big = Styles.bold(wb, 14);
            var t = s.createRow(0).createCell(0);
            t.setCellValue(title(r));
            t.setCellStyle(big);
            s.createRow(1).createCell(0).setCellValue(subtitle(r));
            Styles.cells(s.createRow(3), bold, HEADERS);
            int n = 4;
            for (List<Object> row : rows(r)) {
                Styles.cells(s.createRow(n++), null, row);
            }
            s.createFreezePane(0, 4);
            s.setColumnWidth(0, 22 * 256);
            for (int c = 1; c < HEADERS.size(); c++) {
                s.setColumnWidth(c, 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String format(Instant at) {
        return at == null ? null : time.format(at);
    }
}
