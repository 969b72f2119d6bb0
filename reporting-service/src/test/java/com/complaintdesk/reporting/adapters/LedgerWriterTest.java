package com.complaintdesk.reporting.adapters;

import com.complaintdesk.reporting.adapters.mongo.CounterStore;
import com.complaintdesk.reporting.adapters.mongo.LedgerStore;
import com.complaintdesk.reporting.application.LedgerUpdater;
import com.complaintdesk.reporting.support.ReportingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Tests that drive the ledger's writer directly and read what it wrote: the entries and the counters. */
abstract class LedgerWriterTest extends ReportingIntegrationTest {

    @Autowired
    LedgerUpdater updater;
    @Autowired
    LedgerStore ledger;
    @Autowired
    CounterStore counters;
}
