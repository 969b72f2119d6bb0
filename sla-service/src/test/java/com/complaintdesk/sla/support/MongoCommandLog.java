package com.complaintdesk.sla.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every command the service's own MongoDB client sends, counted by who sent it (the code on the calling thread's
 * stack: the life-cycle listener, the firing of a claimed timer, the timer engine's walk of its buckets, the monthly
 * report watch, the outbox relay, or anything else such as a test's own look-ups), command name and collection: e.g.
 * {@code listener update sla_clocks}.
 */
public class MongoCommandLog implements CommandListener {

    /** Registers the log on the service's MongoClient. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Wiring {
        @Bean
        MongoCommandLog mongoCommandLog() {
            return new MongoCommandLog();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer mongoCommandLogCustomizer(MongoCommandLog log) {
            return settings -> settings.addCommandListener(log);
        }
    }

    private static final Set<String> NOT_COUNTED = Set.of("hello", "isMaster", "ismaster", "ping", "buildInfo",
            "endSessions", "saslStart", "saslContinue");
    private static final StackWalker STACK = StackWalker.getInstance();

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (NOT_COUNTED.contains(name)) {
            return;
        }
        BsonValue target = event.getCommand().get(name);
        String collection = target != null && target.isString() ? target.asString().getValue() : "-";
        counts.computeIfAbsent(sender() + " " + name + " " + collection, k -> new AtomicLong()).incrementAndGet();
    }

    private static String sender() {
        return STACK.walk(frames -> frames.map(MongoCommandLog::senderOf).filter(s -> s != null).findFirst()
                .orElse("other"));
    }

    private static String senderOf(StackWalker.StackFrame frame) {
        String className = frame.getClassName();
        if (className.endsWith(".ClockService") && frame.getMethodName().equals("fire")) {
            return "fire";
        }
        if (className.endsWith(".OutboxRelay")) {
            return "relay";
        }
        if (className.endsWith(".LifecycleListener")) {
            return "listener";
        }
        if (className.endsWith(".TimerEngine")) {
            return "timers";
        }
        if (className.endsWith(".MonthlyReportWatch")) {
            return "monthly";
        }
        return null;
    }

    public void reset() {
        counts.clear();
    }

    /** A copy of the counts, sorted by key. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** The commands of {@code sender} (e.g. "listener"), all collections. */
    public long sentBy(String sender) {
        return snapshot().entrySet().stream().filter(e -> e.getKey().startsWith(sender + " "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The commands of {@code sender} on {@code collection}. */
    public long sentBy(String sender, String collection) {
        return snapshot().entrySet().stream()
                .filter(e -> e.getKey().startsWith(sender + " ") && e.getKey().endsWith(" " + collection))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
