package com.complaintdesk.localrun;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Any port" picks a free port below the kernel's ephemeral range, where outgoing connections take their local ports
 * from; a port chosen there could be taken by a Kafka or Mongo client before the service binds it.
 */
class FreePortTest {

    @Test
    void any_port_is_free_distinct_from_those_already_chosen_and_below_the_ephemeral_range() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralLow = Files.isReadable(range) ? Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]) : 32768;
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = LocalSystem.freePortBelowEphemeralRange("127.0.0.1", chosen);
            assertFalse(chosen.contains(port), "chosen twice: " + port);
            chosen.add(port);
            if (ephemeralLow > 12_000) {
                assertTrue(port >= 10_000 && port < ephemeralLow, port + " not below the ephemeral range " + ephemeralLow);
            }
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port)); // still free to bind
            }
        }
        assertEquals(20, chosen.size());
    }
}
