package com.complaintdesk.reporting.adapters.export;

import com.complaintdesk.reporting.application.ReportingProperties;
import com.complaintdesk.reporting.ledger.domain.LedgerEntry;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The ledger as CSV and as an XLSX spreadsheet (issue 6). Personal data is already masked in the entries. */
@Component
public class LedgerExports {

    static final List<String> HEADERS = List.of(
            "投诉编号 Complaint number", "状态 Status", "分类 Category", "严重程度 Severity", "标记 Flags",
            "责任部门 Department", "处理人 Handler", "投诉途径 Channel", "投诉人类型 Complainant type",
            "投诉人 Name", "电话 Phone", "邮箱 E-mail", "事项 Subject", "登记时间 Received", "办结时间 Resolved",
            "结案时间 Closed", "下一期限 Next due", "超时 Overdue", "催办 Urges", "申诉 Appeals", "重新处理 Reopened",
            "原因 Cause", "预防措施 Preventive measures");

    private final DateTimeFormatter time;

    public LedgerExports(ReportingProperties properties) {
        ZoneId zone = properties.zone();
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    List<Object> row(LedgerEntry e, Instant now) {
        var c = e.complainant();
        List<Object> r = new ArrayList<>();
        r.add(e.complaintNumber());
        r.add(e.status());
        r.add(e.category());
        r.add(e.severity());
        r.add(String.join(" ", e.flags()));
        r.add(e.department());
        r.add(e.handler());
        r.add(e.channel());
        r.add(e.complainantType());
        r.add(c == null ? null : c.name());
        r.add(c == null ? null : c.phone());
        r.add(c == null ? null : c.email());
        r.add(e.subject());
        r.add(format(e.receivedAt()));
        r.add(format(e.resolvedAt()));
        r.add(format(e.closedAt()));
        r.add(format(e.nextDueAt()));
        r.add(e.overdueAt(now) ? "是 yes" : "否 no");
        r.add(e.urgeCount());
        r.add(e.appealCount());
        r.add(e.reopenCount());
        r.add(e.cause());
        r.add(String.join("; ", e.preventiveMeasures()));
        return r;
    }

    public byte[] csv(List<LedgerEntry> entries, Instant now) {
        Csv csv = new Csv().row(HEADERS);
        entries.forEach(e -> csv.row(row(e, now)));
        return csv.bytes();
    }

    public byte[] xlsx(List<LedgerEntry> entries, Instant now) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("台帐 Ledger");
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                var cell = h.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, 18 * 256);
            }
            int r = 1;
            for (LedgerEntry e : entries) {
                Row row = sheet.createRow(r++);
                List<Object> values = row(e, now);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(String.valueOf(v));
                    }
                }
            }
            sheet.createFreezePane(1, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, HEADERS.size() - 1));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String format(Instant i) {
        return i == null ? null : time.format(i);
    }
}
