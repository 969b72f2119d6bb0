package com.complaintdesk.testsupport;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's commands as a service's own {@code MongoClient} sends them, for tests that count store round trips.
 * Two views:
 * <ul>
 *   <li>{@link #sentBy(Runnable)}: what an action run on the calling thread sent, in order. The synchronous driver
 *   reports a command on the thread that sends it, so a use case run on the test's thread is counted exactly,
 *   whatever else the service does meanwhile (outbox relay, listeners).</li>
 *   <li>{@link #snapshot()}: every command since {@link #reset()}, counted by sender, command and collection (e.g.
 *   {@code listener update sla_clocks}). The sender is the first frame on the sending thread's stack that the
 *   service's {@link Senders} bean names (none: every command is "other").</li>
 * </ul>
 * Handshake and session commands ({@code hello}, {@code endSessions}, …) are not counted.
 * Register with {@code @Import(MongoCommandLog.Registration.class)}.
 */
public class MongoCommandLog implements CommandListener {

    /** One command: its name ({@code find}, {@code update}, …) and the collection it names. */
    public record Command(String name, String collection) {
    }

    /** Names the code that sent a command from one frame of the sending thread's stack; null: not this frame. */
    @FunctionalInterface
    public interface Senders {
        String senderOf(StackWalker.StackFrame frame);
    }

    /** Registers the log with the service's Mongo client, naming senders with the context's {@link Senders}, if any. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {
        @Bean
        MongoCommandLog mongoCommandLog(ObjectProvider<Senders> senders) {
            return new MongoCommandLog(senders.getIfAvailable(() -> frame -> null));
        }

        @Bean
        MongoClientSettingsBuilderCustomizer mongoCommandLogCustomizer(MongoCommandLog log) {
            return settings -> settings.addCommandListener(log);
        }
    }

    private static final Set<String> NOT_COUNTED = Set.of("hello", "isMaster", "ismaster", "ping", "buildInfo",
            "endSessions", "saslStart", "saslContinue");
    private static final StackWalker STACK = StackWalker.getInstance();

    private final Senders senders;
    private final Map<Thread, List<Command>> watched = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public MongoCommandLog(Senders senders) {
        this.senders = senders;
    }

    /** Runs the action on this thread and returns the commands it sent, in order. */
    public List<Command> sentBy(Runnable action) {
        List<Command> sent = new ArrayList<>();
        watched.put(Thread.currentThread(), sent);
        try {
            action.run();
        } finally {
            watched.remove(Thread.currentThread());
        }
        return sent;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (NOT_COUNTED.contains(name)) {
            return;
        }
        BsonValue target = event.getCommand().get(name);
        String collection = target != null && target.isString() ? target.asString().getValue()
                : event.getCommand().containsKey("collection") ? event.getCommand().getString("collection").getValue() : "-";
        List<Command> sent = watched.get(Thread.currentThread());
        if (sent != null) {
            sent.add(new Command(name, collection));
        }
        counts.computeIfAbsent(sender() + " " + name + " " + collection, k -> new AtomicLong()).incrementAndGet();
    }

    private String sender() {
        return STACK.walk(frames -> frames.map(senders::senderOf).filter(s -> s != null).findFirst().orElse("other"));
    }

    public void reset() {
        counts.clear();
    }

    /** A copy of the counts since {@link #reset()}, by "sender command collection", sorted. */
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
