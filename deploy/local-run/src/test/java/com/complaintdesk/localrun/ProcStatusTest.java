package com.complaintdesk.localrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcStatusTest {

    @Test
    void givenAStatusFile_whenParsed_thenVmRssInKiB() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 5000000 kB", "VmRSS:\t  262144 kB", "Threads:\t42");

        assertEquals(OptionalLong.of(262144), ProcStatus.parseVmRss(status));
        assertEquals("256 MiB", ProcStatus.megabytes(262144));
    }

    @Test
    void givenNoVmRssLine_whenParsed_thenEmpty() {
        assertTrue(ProcStatus.parseVmRss(List.of("Name:\tkthreadd", "State:\tS (sleeping)")).isEmpty());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void givenThisJvm_whenItsRssIsRead_thenAPlausibleSize() {
        long kib = ProcStatus.rssKiB(ProcessHandle.current().pid()).orElseThrow();

        assertTrue(kib > 10_000 && kib < 4_000_000, "RSS " + kib + " KiB");
    }
}
