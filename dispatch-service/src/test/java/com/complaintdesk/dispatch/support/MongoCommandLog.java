package com.complaintdesk.dispatch.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's commands as the service's own {@code MongoClient} sends them, recorded only for a thread that asks
 * ({@link #sentBy(Runnable)}): the synchronous driver reports a command on the thread that sends it, so what a
 * use case run on the test's thread costs in store round trips is counted exactly, whatever else the service does
 * meanwhile (outbox relay, listeners of other tests).
 */
public class MongoCommandLog implements CommandListener {

    /** One command: its name ({@code find}, {@code update}, …) and the collection it names. */
    public record Command(String name, String collection) {
    }

    private final Map<Thread, List<Command>> watched = new ConcurrentHashMap<>();

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
        List<Command> sent = watched.get(Thread.currentThread());
        if (sent != null) {
            BsonValue target = event.getCommand().get(event.getCommandName());
            String collection = target != null && target.isString() ? target.asString().getValue()
                    : event.getCommand().containsKey("collection") ? event.getCommand().getString("collection").getValue() : "";
            sent.add(new Command(event.getCommandName(), collection));
        }
    }

    /** Registers the log with the service's Mongo client. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {
        @Bean
        MongoCommandLog mongoCommandLog() {
            return new MongoCommandLog();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer mongoCommandLogCustomizer(MongoCommandLog log) {
            return settings -> settings.addCommandListener(log);
        }
    }
}
