package com.complaintdesk.sla.application;

import com.complaintdesk.sla.adapters.mongo.PolicyStore;
import com.complaintdesk.sla.adapters.mongo.PolicyStore.PolicyDocument;
import com.complaintdesk.sla.domain.MajorManagerNotice;
import com.complaintdesk.sla.domain.SlaPolicies;
import com.complaintdesk.sla.domain.SlaPolicy;
import com.complaintdesk.kit.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SLA targets as data (SPEC §4 "all configurable"): seeded from {@code sla/policies.json} on first start,
 * then kept in MongoDB and edited through the API. A new target applies to clocks started afterwards and to running
 * clocks the next time their complaint is (re-)classified.
 */
@Service
public class PolicyService {

    private final PolicyStore store;
    private final Clock clock;
    private final AtomicReference<SlaPolicies> current = new AtomicReference<>();
    private final MajorManagerNotice majorManagerNotice;

    public PolicyService(PolicyStore store, SlaProperties properties, JsonMapper json, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.majorManagerNotice = properties.majorManagerNotice().rule();
        if (store.count() == 0) {
            for (SlaPolicy p : readDefaults(json, properties.defaultPolicies())) {
                store.insertIfAbsent(new PolicyDocument(p.id(), p, "default", clock.instant()));
            }
        }
        refresh();
    }

    static List<SlaPolicy> readDefaults(JsonMapper json, String resource) {
        try (InputStream in = PolicyService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("default SLA policies not found: " + resource);
            }
            List<SlaPolicy> policies = json.readValue(in, new TypeReference<List<SlaPolicy>>() {
            });
            for (SlaPolicy p : policies) {
                if (!p.problems().isEmpty()) {
                    throw new IllegalStateException("default SLA policy " + p.id() + " is invalid: "
                            + p.problems().get(0)[0] + " " + p.problems().get(0)[1]);
                }
            }
            return policies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SlaPolicies refresh() {
        SlaPolicies p = new SlaPolicies(store.all().stream().map(PolicyDocument::policy).toList(), majorManagerNotice);
        current.set(p);
        return p;
    }

    public SlaPolicies current() {
        return current.get();
    }

    public List<PolicyDocument> all() {
        return store.all();
    }

    public PolicyDocument get(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("SLA policy", id));
    }

    /** Creates or replaces one policy; field-by-field 400 when it is not usable. */
    public PolicyDocument put(String id, SlaPolicy policy, String by) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (String[] p : policy.problems()) {
            errors.add(Map.of("field", p[0], "message", p[1]));
        }
        if (policy.id() != null && !policy.id().equals(id)) {
            errors.add(Map.of("field", "id", "message", "must match the id in the path (" + id + ")"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "The SLA policy has invalid fields.",
                    Map.of("errors", errors));
        }
        PolicyDocument doc = new PolicyDocument(id, policy, by, clock.instant());
        store.save(doc);
        refresh();
        return doc;
    }
}
