package com.complaintdesk.reporting.adapters.export;

import com.complaintdesk.reporting.reports.domain.MonthlyReport;
import com.complaintdesk.reporting.statistics.domain.Figures;
import com.complaintdesk.reporting.statistics.domain.Metric;
import com.complaintdesk.reporting.statistics.domain.Statistics;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The monthly report as CSV (sections one after the other) and as an XLSX workbook a manager opens as it is: a
 * summary sheet with title, period, units and definitions, and sheets with charts — complaints by category, daily
 * received vs resolved, timeliness by department.
 */
@Component
public class MonthlyReportExports {

    /** The summary lines: label (中文 English), metric or rate key, unit. */
    static final List<String[]> SUMMARY = List.of(
            new String[]{"登记投诉 Received", Metric.RECEIVED.key(), "件 complaints"},
            new String[]{"受理 Accepted", Metric.ACCEPTED.key(), "件 complaints"},
            new String[]{"不受理 Rejected", Metric.REJECTED.key(), "件 complaints"},
            new String[]{"转办 Transferred", Metric.TRANSFERRED.key(), "件 complaints"},
            new String[]{"待补凭证 Awaiting documents", Metric.AWAITING_DOCUMENTS.key(), "件 complaints"},
            new String[]{"分派 Dispatched", Metric.DISPATCHED.key(), "件 complaints"},
            new String[]{"部门转派 Department transfers", Metric.DEPARTMENT_TRANSFERS.key(), "次 times"},
            new String[]{"办结 Resolved", Metric.RESOLVED.key(), "件 complaints"},
            new String[]{"按时办结 Resolved on time", Metric.RESOLVED_ON_TIME.key(), "件 complaints"},
            new String[]{"处理率 Handling rate", "handlingRate", "%"},
            new String[]{"及时率 Timeliness rate", "timelinessRate", "%"},
            new String[]{"回访 Revisited", Metric.REVISITED.key(), "件 complaints"},
            new String[]{"回访成功 Revisit reached the complainant", Metric.REVISIT_REACHED.key(), "件 complaints"},
            new String[]{"满意 Satisfied", Metric.SATISFIED.key(), "件 complaints"},
            new String[]{"回访率 Revisit rate", "revisitRate", "%"},
            new String[]{"回访及时率 Revisit on-time rate", "revisitOnTimeRate", "%"},
            new String[]{"满意率 Satisfaction rate", "satisfactionRate", "%"},
            new String[]{"重新处理 Reopened", Metric.REOPENED.key(), "次 times"},
            new String[]{"重新处理率 Reopen rate", "reopenRate", "%"},
            new String[]{"申诉 Appeals", Metric.APPEALS.key(), "次 times"},
            new String[]{"催办 Urges", Metric.URGES.key(), "次 times"},
            new String[]{"超时 SLA breaches", Metric.SLA_BREACHES.key(), "次 times"},
            new String[]{"升级 Escalations", Metric.ESCALATIONS.key(), "次 times"},
            new String[]{"集体投诉 Collective cases", Metric.COLLECTIVE_CASES.key(), "件 cases"},
            new String[]{"预防/整改措施 Preventive measures", Metric.PREVENTIVE_MEASURES.key(), "项 measures"},
            new String[]{"结案 Closed", Metric.CLOSED.key(), "件 complaints"});

    static Object value(Figures f, String key) {
        if (f.rates().containsKey(key)) {
            Double r = f.rates().get(key);
            return r == null ? null : Math.round(r * 10000) / 100.0;
        }
        return f.count(key);
    }

    static String title(MonthlyReport r) {
        return "投诉月度报告 Monthly complaint report " + r.period() + (r.provisional() ? " (临时 provisional: month not over)" : "");
    }

    public byte[] csv(MonthlyReport r) {
        Csv csv = new Csv();
        csv.row(title(r));
        csv.row("期间 Period", r.from() + " – " + r.to(), "时区 Zone", r.zone(), "生成 Generated", r.generatedAt());
        csv.row();
        csv.row("指标 Figure", "数值 Value", "单位 Unit");
        for (String[] line : SUMMARY) {
            csv.row(line[0], value(r.totals(), line[1]), line[2]);
        }
        r.breakdowns().forEach((dim, groups) -> {
            csv.row();
            csv.row("按 " + dim, "登记 Received", "受理 Accepted", "办结 Resolved", "处理率 Handling %", "及时率 Timeliness %",
                    "满意率 Satisfaction %", "超时 Breaches");
            for (Statistics.Group g : groups) {
                Figures f = g.figures();
                csv.row(g.key(), f.count("received"), f.count("accepted"), f.count("resolved"), value(f, "handlingRate"),
                        value(f, "timelinessRate"), value(f, "satisfactionRate"), f.count("slaBreaches"));
            }
        });
        csv.row();
        csv.row("日期 Day", "登记 Received", "办结 Resolved");
        r.daily().forEach(d -> csv.row(d.day(), d.received(), d.resolved()));
        csv.row();
        csv.row("超时按升级层级 Breaches by level", "次 times");
        r.slaBreachesByLevel().forEach((k, v) -> csv.row(k, v));
        csv.row("升级按层级 Escalations by level", "次 times");
        r.escalationsByLevel().forEach((k, v) -> csv.row(k, v));
        csv.row();
        csv.row("主要原因 Top causes", "件 complaints");
        r.topCauses().forEach(c -> csv.row(c.cause(), c.complaints()));
        csv.row();
        csv.row("整改/预防措施 Corrective and preventive actions", "分类 Category", "部门 Department", "原因 Cause", "措施 Measures");
        r.actions().forEach(a -> csv.row(a.complaintNumber(), a.category(), a.department(), a.cause(), String.join("; ", a.measures())));
        csv.row();
        csv.row("定义 Definitions");
        r.definitions().forEach((k, v) -> csv.row(k, v));
        return csv.bytes();
    }

    public byte[] xlsx(MonthlyReport r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = Styles.bold(wb, 0);
            CellStyle titleStyle = Styles.bold(wb, 14);

            summary(wb.createSheet("汇总 Summary"), r, bold, titleStyle);
            byCategory(wb.createSheet("按分类 By category"), r, bold, titleStyle);
            daily(wb.createSheet("每日 Daily"), r, bold, titleStyle);
            timeliness(wb.createSheet("及时率 Timeliness"), r, bold, titleStyle);
            causes(wb.createSheet("原因与措施 Causes"), r, bold, titleStyle);
            definitions(wb.createSheet("定义 Definitions"), r, bold, titleStyle);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(XSSFSheet sheet, MonthlyReport r, String subtitle, CellStyle titleStyle) {
        var t = sheet.createRow(0).createCell(0);
        t.setCellValue(title(r));
        t.setCellStyle(titleStyle);
        sheet.createRow(1).createCell(0).setCellValue(subtitle + " · 期间 Period " + r.from() + " – " + r.to() + " (" + r.zone() + ")");
    }

    private static void cells(Row row, CellStyle style, Object... values) {
        Styles.cells(row, style, java.util.Arrays.asList(values));
    }

    private static void summary(XSSFSheet s, MonthlyReport r, CellStyle bold, CellStyle titleStyle) {
        header(s, r, "汇总 Summary", titleStyle);
        cells(s.createRow(3), bold, "指标 Figure", "数值 Value", "单位 Unit");
        int i = 4;
        for (String[] line : SUMMARY) {
            cells(s.createRow(i++), null, line[0], value(r.totals(), line[1]), line[2]);
        }
        i++;
        cells(s.createRow(i++), bold, "超时按层级 Breaches by level", "次 times");
        for (Map.Entry<String, Long> e : r.slaBreachesByLevel().entrySet()) {
            cells(s.createRow(i++), null, e.getKey(), e.getValue());
        }
        cells(s.createRow(i++), bold, "升级按层级 Escalations by level", "次 times");
        for (Map.Entry<String, Long> e : r.escalationsByLevel().entrySet()) {
            cells(s.createRow(i++), null, e.getKey(), e.getValue());
        }
        s.createRow(i + 1).createCell(0).setCellValue("比率以百分比表示；定义见“定义 Definitions”工作表。Rates are in %; see the Definitions sheet.");
        s.setColumnWidth(0, 36 * 256);
        s.setColumnWidth(1, 14 * 256);
        s.setColumnWidth(2, 16 * 256);
    }

    private static void byCategory(XSSFSheet s, MonthlyReport r, CellStyle bold, CellStyle titleStyle) {
        header(s, r, "按分类 Complaints by category (件 complaints)", titleStyle);
        cells(s.createRow(3), bold, "分类 Category", "登记 Received", "办结 Resolved");
        List<Statistics.Group> groups = r.breakdowns().getOrDefault("category", List.of());
        int i = 4;
        for (Statistics.Group g : groups) {
            cells(s.createRow(i++), null, g.key(), g.figures().count("received"), g.figures().count("resolved"));
        }
        s.setColumnWidth(0, 24 * 256);
        if (!groups.isEmpty()) {
            barChart(s, "按分类投诉数 Complaints by category", "分类 Category", "件 Complaints", 4, i - 1,
                    new int[]{1, 2}, new String[]{"登记 Received", "办结 Resolved"});
        }
    }

    private static void daily(XSSFSheet s, MonthlyReport r, CellStyle bold, CellStyle titleStyle) {
        header(s, r, "每日登记与办结 Daily received vs resolved (件 complaints)", titleStyle);
        cells(s.createRow(3), bold, "日期 Day", "登记 Received", "办结 Resolved");
        int i = 4;
        for (MonthlyReport.DailyPoint d : r.daily()) {
            cells(s.createRow(i++), null, d.day().toString(), d.received(), d.resolved());
        }
        s.setColumnWidth(0, 14 * 256);
        if (!r.daily().isEmpty()) {
            XSSFChart chart = chart(s, "每日登记与办结 Daily received vs resolved", 4);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            x.setTitle("日期 Day");
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setTitle("件 Complaints");
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFChartData data = chart.createData(ChartTypes.LINE, x, y);
            XDDFDataSource<String> days = XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(4, i - 1, 0, 0));
            data.addSeries(days, numbers(s, 4, i - 1, 1)).setTitle("登记 Received", null);
            data.addSeries(days, numbers(s, 4, i - 1, 2)).setTitle("办结 Resolved", null);
            chart.plot(data);
        }
    }

    private static void timeliness(XSSFSheet s, MonthlyReport r, CellStyle bold, CellStyle titleStyle) {
        header(s, r, "按部门及时率 Timeliness by department (%)", titleStyle);
        cells(s.createRow(3), bold, "部门 Department", "办结 Resolved", "按时办结 On time", "及时率 Timeliness %");
        int i = 4;
        for (Statistics.Group g : r.breakdowns().getOrDefault("department", List.of())) {
            if (g.figures().count("resolved") == 0) {
                continue;
            }
            Object rate = value(g.figures(), "timelinessRate");
            cells(s.createRow(i++), null, g.key(), g.figures().count("resolved"), g.figures().count("resolvedOnTime"), rate);
        }
        s.setColumnWidth(0, 24 * 256);
        if (i > 4) {
            barChart(s, "按部门及时率 Timeliness by department", "部门 Department", "%", 4, i - 1,
                    new int[]{3}, new String[]{"及时率 Timeliness %"});
        }
    }

    private static void causes(XSSFSheet s, MonthlyReport r, CellStyle bold, CellStyle titleStyle) {
        header(s, r, "主要原因与整改/预防措施 Top causes and actions", titleStyle);
        cells(s.createRow(3), bold, "原因 Cause", "件 Complaints");
        int i = 4;
        for (MonthlyReport.CauseCount c : r.topCauses()) {
            cells(s.createRow(i++), null, c.cause(), c.complaints());
        }
        i++;
        cells(s.createRow(i++), bold, "投诉编号 Complaint", "分类 Category", "部门 Department", "原因 Cause", "措施 Measures");
        for (MonthlyReport.Action a : r.actions()) {
            cells(s.createRow(i++), null, a.complaintNumber(), a.category(), a.department(), a.cause(), String.join("; ", a.measures()));
        }
        s.setColumnWidth(0, 30 * 256);
        s.setColumnWidth(4, 60 * 256);
    }

    private static void definitions(XSSFSheet s, MonthlyReport r, CellStyle bold, CellStyle titleStyle) {
        header(s, r, "定义 Definitions", titleStyle);
        cells(s.createRow(3), bold, "指标 Figure", "定义 Definition");
        int i = 4;
        for (Map.Entry<String, String> e : r.definitions().entrySet()) {
            cells(s.createRow(i++), null, e.getKey(), e.getValue());
        }
        s.setColumnWidth(0, 28 * 256);
        s.setColumnWidth(1, 120 * 256);
    }

    private static XSSFChart chart(XSSFSheet s, String title, int firstRow) {
        XSSFDrawing drawing = s.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 5, firstRow - 1, 15, firstRow + 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private static void barChart(XSSFSheet s, String title, String xTitle, String yTitle, int first, int last,
                                 int[] valueColumns, String[] seriesTitles) {
        XSSFChart chart = chart(s, title, first);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle(xTitle);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle(yTitle);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFChartData data = chart.createData(ChartTypes.BAR, x, y);
        ((XDDFBarChartData) data).setBarDirection(BarDirection.COL);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(first, last, 0, 0));
        for (int k = 0; k < valueColumns.length; k++) {
            data.addSeries(categories, numbers(s, first, last, valueColumns[k])).setTitle(seriesTitles[k], null);
        }
        chart.plot(data);
    }

    private static XDDFNumericalDataSource<Double> numbers(XSSFSheet s, int first, int last, int column) {
        return XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(first, last, column, column));
    }
}
