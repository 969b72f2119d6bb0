package com.complaintdesk.localrun;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaBrokerTest {

    @Test
    void givenPorts_whenTheServerPropertiesAreWritten_thenOneCombinedKraftNodeOnLoopbackWithSingleReplicaInternalTopics()
            throws Exception {
        Properties p = new Properties();
        p.load(new java.io.StringReader(KafkaBroker.serverProperties("127.0.0.1", 19092, 19093, Path.of("/data/kafka/logs"))));

        assertEquals("broker,controller", p.getProperty("process.roles"));
        assertEquals("1@127.0.0.1:19093", p.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093", p.getProperty("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:19092", p.getProperty("advertised.listeners"));
        assertEquals("/data/kafka/logs", p.getProperty("log.dirs"));
        assertEquals("1", p.getProperty("offsets.topic.replication.factor"));
        assertEquals("1", p.getProperty("transaction.state.log.replication.factor"));
        assertEquals("6", p.getProperty("num.partitions"));
    }
}
