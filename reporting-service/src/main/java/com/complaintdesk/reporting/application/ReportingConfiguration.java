package com.complaintdesk.reporting.application;

import com.complaintdesk.kit.outbox.OutboxCollections;
import com.complaintdesk.kit.web.AccessSettings;
import com.complaintdesk.reporting.adapters.mongo.LedgerAuditTrail;
import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.ledger.domain.LedgerAccess;
import com.complaintdesk.reporting.ledger.domain.LedgerProjection;
import com.complaintdesk.reporting.ledger.domain.ProjectionSettings;
import com.complaintdesk.reporting.statistics.domain.FactExtractor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ReportingConfiguration {

    /** The monthly report documents publish MonthlyReportPublished through their outbox. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(MonthlyReportService.COLLECTION);
    }

    @Bean
    ProjectionSettings projectionSettings(ReportingProperties p) {
        var l = p.ledger();
        return new ProjectionSettings(l.resolutionClocks(), l.postResolutionClocks(), l.confidentialCategories(),
                l.confidentialDepartments(), l.confidentialComplainantTypes(), p.zone());
    }

    @Bean
    LedgerProjection ledgerProjection(ProjectionSettings settings) {
        return new LedgerProjection(settings);
    }

    @Bean
    FactExtractor factExtractor(ReportingProperties p) {
        return new FactExtractor(p.zone());
    }

    @Bean
    LedgerAccess ledgerAccess(AccessSettings access) {
        return new LedgerAccess(access.hrDepartments());
    }

    @Bean
    ApplicationRunner reportingIndexes(LedgerStore ledger, CounterStore counters, LedgerAuditTrail audit) {
        return args -> {
            ledger.ensureIndexes();
            counters.ensureIndexes();
            audit.ensureIndexes();
        };
    }
}
