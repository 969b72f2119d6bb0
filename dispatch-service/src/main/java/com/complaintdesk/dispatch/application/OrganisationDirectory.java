package com.complaintdesk.dispatch.application;

import com.complaintdesk.dispatch.adapters.mongo.OrganisationSettingsDocument;
import com.complaintdesk.dispatch.adapters.mongo.OrganisationStore;
import com.complaintdesk.dispatch.domain.organisation.Department;
import com.complaintdesk.dispatch.domain.organisation.RoutingRule;
import com.complaintdesk.dispatch.domain.organisation.RoutingTable;
import com.complaintdesk.kit.config.ExpiringSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The organisation settings and the departments as dispatch's use cases read them: an event takes one
 * {@link Organisation} and asks it everything (route, managers, PR, supervisor, HQ), so neither is read twice for one
 * event, and the snapshot is kept for {@code dispatch.organisation.cache-ttl} (default 5 s), so most events read
 * neither. What this instance changes through its API ({@link #invalidate()}) is seen by the next event; what another
 * instance changes, within the TTL. Handlers are not here: their workload, availability and rosters are read afresh
 * for every choice, and claims stay guarded updates in the store.
 */
@Component
public class OrganisationDirectory {

    private final ExpiringSnapshot<Organisation> snapshot;

    @Autowired
    public OrganisationDirectory(OrganisationStore store, DispatchProperties properties) {
        this(() -> Organisation.of(store.settings(), store.departments(), code -> store.department(code)),
                properties.organisation().cacheTtl(), System::nanoTime);
    }

    OrganisationDirectory(Supplier<Organisation> loader, Duration ttl, LongSupplier ticker) {
        this.snapshot = new ExpiringSnapshot<>(loader, ttl, ticker);
    }

    /** The organisation for the event at hand: the kept snapshot while it is young enough, else read now. */
    public Organisation current() {
        return snapshot.get();
    }

    /** The settings or a department were changed through this instance: the next event reads them again. */
    public void invalidate() {
        snapshot.invalidate();
    }

    /** One read of the settings and the departments, immutable. */
    public static final class Organisation {
        private final String fallbackDepartment;
        private final String prDepartment;
        private final String serviceSupervisor;
        private final String hq;
        private final RoutingTable routingTable;
        private final Map<String, Department> departments;
        private final Function<String, Optional<Department>> notInSnapshot;

        private Organisation(OrganisationSettingsDocument s, List<Department> departments,
                             Function<String, Optional<Department>> notInSnapshot) {
            this.fallbackDepartment = s.fallbackDepartment;
            this.prDepartment = s.prDepartment;
            this.serviceSupervisor = s.serviceSupervisor;
            this.hq = s.hq;
            this.routingTable = new RoutingTable(s.routing == null ? List.<RoutingRule>of() : List.copyOf(s.routing),
                    s.fallbackDepartment);
            Map<String, Department> byCode = new LinkedHashMap<>();
            departments.forEach(d -> byCode.put(d.code(), d));
            this.departments = Map.copyOf(byCode);
            this.notInSnapshot = notInSnapshot;
        }

        /**
         * @param notInSnapshot where a department the snapshot does not know is looked up (one another instance
         *                      created since): it is read then, as before, rather than taken for absent
         */
        public static Organisation of(OrganisationSettingsDocument settings, List<Department> departments,
                                      Function<String, Optional<Department>> notInSnapshot) {
            return new Organisation(settings, departments, notInSnapshot);
        }

        public Optional<Department> department(String code) {
            if (code == null) {
                return Optional.empty();
            }
            Department d = departments.get(code);
            return d != null ? Optional.of(d) : notInSnapshot.apply(code);
        }

        public String managerOf(String department) {
            return department(department).map(Department::manager).orElse(null);
        }

        /** The PR department's manager (told when the media is involved), if there is one. */
        public String prManager() {
            return prDepartment == null ? null : managerOf(prDepartment);
        }

        public RoutingTable routingTable() {
            return routingTable;
        }

        public String fallbackDepartment() {
            return fallbackDepartment;
        }

        public String serviceSupervisor() {
            return serviceSupervisor;
        }

        public String hq() {
            return hq;
        }
    }
}
