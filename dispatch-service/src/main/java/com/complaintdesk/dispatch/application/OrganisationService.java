package com.complaintdesk.dispatch.application;

import com.complaintdesk.contracts.events.Topics;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationSettingsDocument;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.domain.organisation.Department;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import com.complaintdesk.dispatch.domain.organisation.RoutingRule;
import com.complaintdesk.kit.KitProperties;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import com.complaintdesk.contracts.http.Roles;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisation as data (SPEC §3.8, issue 4): departments, handlers with skills, capacity and duty rosters, the
 * routing table. Seeded from a resource into an empty database, then edited through the API.
 */
@Service
public class OrganisationService {

    private static final Logger log = LoggerFactory.getLogger(OrganisationService.class);

    private final OrganisationStore store;
    private final HandlingService handling;
    private final DispatchProperties properties;
    private final ResourceLoader resources;
    private final JsonMapper json;
    private final KafkaAdmin kafkaAdmin;
    private final KitProperties kit;
    private final WorkloadReconciler reconciler;
    private final OrganisationDirectory directory;

    public OrganisationService(OrganisationStore store, WorkloadReconciler reconciler, HandlingService handling,
                               OrganisationDirectory directory, DispatchProperties properties, ResourceLoader resources,
                               JsonMapper json, KafkaAdmin kafkaAdmin, KitProperties kit) {
        this.store = store;
        this.directory = directory;
        this.reconciler = reconciler;
        this.handling = handling;
        this.properties = properties;
        this.resources = resources;
        this.json = json;
        this.kafkaAdmin = kafkaAdmin;
        this.kit = kit;
    }

    public static OrganisationSeed readSeed(JsonMapper json, InputStream in) {
        try (in) {
            return json.readValue(in, OrganisationSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OrganisationSeed seed() {
        try {
            return readSeed(json, resources.getResource(properties.organisationSeed()).getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the organisation seed " + properties.organisationSeed(), e);
        }
    }

    /** Loads the seed into an empty database; an existing organisation is left as it is. Idempotent across instances. */
    public boolean seedIfEmpty() {
        if (!store.isEmpty()) {
            return false;
        }
        OrganisationSeed seed = seed();
        OrganisationSettingsDocument s = new OrganisationSettingsDocument();
        s.fallbackDepartment = seed.fallbackDepartment();
        s.prDepartment = seed.prDepartment();
        s.serviceSupervisor = seed.serviceSupervisor();
        s.hq = seed.hq();
        s.routing = new ArrayList<>(seed.routing());
        store.saveSettings(s);
        for (var d : seed.departments()) {
            for (var h : d.handlers()) {
                store.saveProfile(new Handler(h.id(), h.name(), h.employeeNo(), d.code(), h.skills(), h.capacity(), h.duty(),
                        true, 0, 0));
            }
            store.saveDepartment(new Department(d.code(), d.name(), d.nameZh(), d.manager(), d.confidential()));
        }
        directory.invalidate();
        log.info("organisation seeded from {}: {} departments", properties.organisationSeed(), seed.departments().size());
        return true;
    }

    public List<Department> departments() {
        return store.departments();
    }

    public Department department(String code) {
        return store.department(code).orElseThrow(() -> ApiException.notFound("Department", code));
    }

    public Department saveDepartment(Department d, CallerIdentity caller) {
        caller.require(Roles.ADMIN);
        store.saveDepartment(d);
        directory.invalidate();
        // a new department gets its own dispatch topic at once
        kafkaAdmin.createOrModifyTopics(new NewTopic(Topics.departmentTopic(d.code()), kit.kafka().partitions(),
                kit.kafka().replicationFactor()));
        return d;
    }

    public List<Handler> handlers(String department) {
        return store.handlers(department);
    }

    public Handler handler(String id) {
        return store.handler(id).orElseThrow(() -> ApiException.notFound("Handler", id));
    }

    /** Create or update a handler (profile, skills, capacity, duty roster); the workload is never overwritten. */
    public Handler saveHandler(Handler h, CallerIdentity caller) {
        caller.require(Roles.ADMIN, Roles.DEPARTMENT_MANAGER);
        department(h.department());
        requireManagerOf(h.department(), caller);
        store.handler(h.id()).ifPresent(existing -> requireManagerOf(existing.department(), caller));
        store.saveProfile(h);
        // a new handler or a changed roster may put someone on duty for the queued complaints
        handling.drainQueue();
        return handler(h.id());
    }

    /** Handler unavailable (sick, on leave) → each open complaint is reassigned; available again → takes new work. */
    public int setAvailability(String id, boolean available, String reason, CallerIdentity caller) {
        Handler h = handler(id);
        if (!id.equals(caller.userId())) {
            caller.require(Roles.ADMIN, Roles.DEPARTMENT_MANAGER);
            requireManagerOf(h.department(), caller);
        }
        store.setAvailable(id, available);
        if (!available) {
            return handling.reassignAllOf(id, reason == null ? "handler unavailable" : "handler unavailable: " + reason, caller);
        }
        return handling.drainQueue();
    }

    /**
     * Recounts a handler's open workload from the complaints actually assigned to them at once (ADMIN). The
     * {@link WorkloadReconciler} does the same for every handler on its own schedule; this is for not waiting.
     */
    public Handler recountWorkload(String id, CallerIdentity caller) {
        caller.require(Roles.ADMIN);
        handler(id);
        reconciler.recountNow(id);
        return handler(id);
    }

    public OrganisationSettingsDocument settings() {
        return store.settings();
    }

    public List<RoutingRule> replaceRouting(List<RoutingRule> rules, CallerIdentity caller) {
        caller.require(Roles.ADMIN);
        for (int i = 0; i < rules.size(); i++) {
            if (store.department(rules.get(i).department()).isEmpty()) {
                throw ApiException.invalid("[" + i + "].department", "is not a known department");
            }
        }
        OrganisationSettingsDocument s = store.settings();
        s.routing = new ArrayList<>(rules);
        store.saveSettings(s);
        directory.invalidate();
        return s.routing;
    }

    private static void requireManagerOf(String department, CallerIdentity caller) {
        if (!caller.roles().contains(Roles.ADMIN) && !department.equals(caller.department())) {
            throw ApiException.forbidden("Only the manager of " + department + " or an administrator may change it.");
        }
    }
}
