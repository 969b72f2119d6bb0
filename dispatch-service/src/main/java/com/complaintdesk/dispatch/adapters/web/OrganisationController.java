package com.complaintdesk.dispatch.adapters.web;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.contracts.model.ComplainantType;
import com.complaintdesk.contracts.model.Severity;
import com.complaintdesk.dispatch.application.OrganisationService;
import com.complaintdesk.dispatch.domain.organisation.Department;
import com.complaintdesk.dispatch.domain.organisation.DutySchedule;
import com.complaintdesk.dispatch.domain.organisation.Handler;
import com.complaintdesk.dispatch.domain.organisation.RoutingRule;
import com.complaintdesk.kit.web.CallerIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Departments, handlers with their duty rosters, and the routing table (issue 4), as data behind the API. */
@RestController
@RequestMapping(path = "/api/v1/organisation", produces = MediaType.APPLICATION_JSON_VALUE)
public class OrganisationController {

    private final OrganisationService organisation;

    public OrganisationController(OrganisationService organisation) {
        this.organisation = organisation;
    }

    private static void staff(CallerIdentity caller) {
        caller.require(Roles.HANDLER, Roles.DEPARTMENT_MANAGER, Roles.SUPERVISOR, Roles.HQ_ANALYST, Roles.TRIAGE_OFFICER);
    }

    /**
     * A department with what it takes on: the categories the routing table sends to it (derived from the rules, so
     * never out of date) and the skills of its handlers.
     */
    public record DepartmentView(String code, String name, String nameZh, String manager, boolean confidential,
                                 List<String> categories, List<String> skills) {
    }

    private DepartmentView view(Department d, List<RoutingRule> routing) {
        var categories = routing.stream().filter(r -> d.code().equals(r.department()))
                .map(r -> r.category() == null ? "*" : r.category()).distinct().sorted().toList();
        var skills = organisation.handlers(d.code()).stream().flatMap(h -> h.skills().stream()).distinct().sorted().toList();
        return new DepartmentView(d.code(), d.name(), d.nameZh(), d.manager(), d.confidential(), categories, skills);
    }

    @GetMapping("/departments")
    public List<DepartmentView> departments(CallerIdentity caller) {
        staff(caller);
        var routing = organisation.settings().routing;
        return organisation.departments().stream().map(d -> view(d, routing)).toList();
    }

    @GetMapping("/departments/{code}")
    public DepartmentView department(@PathVariable String code, CallerIdentity caller) {
        staff(caller);
        return view(organisation.department(code), organisation.settings().routing);
    }

    public record DepartmentRequest(
            @NotBlank(message = "is required") @Size(max = 200) String name,
            @Size(max = 200) String nameZh,
            @NotBlank(message = "is required") @Size(max = 100) String manager,
            Boolean confidential) {
    }

    @PutMapping(path = "/departments/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Department saveDepartment(@PathVariable @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,30}$",
            message = "must be an upper-case code such as ENGINEERING") String code,
                                     @Valid @RequestBody DepartmentRequest body, CallerIdentity caller) {
        return organisation.saveDepartment(new Department(code, body.name(), body.nameZh(), body.manager(), Boolean.TRUE.equals(body.confidential())), caller);
    }

    @GetMapping("/handlers")
    public List<Handler> handlers(@RequestParam(required = false) String department, CallerIdentity caller) {
        staff(caller);
        return organisation.handlers(department);
    }

    @GetMapping("/handlers/{id}")
    public Handler handler(@PathVariable String id, CallerIdentity caller) {
        staff(caller);
        return organisation.handler(id);
    }

    public record ShiftRequest(
            @NotEmpty(message = "needs at least one day") Set<DayOfWeek> days,
            @NotNull(message = "is required") LocalTime from,
            @NotNull(message = "is required") LocalTime to) {
    }

    public record DutyRequest(Boolean alwaysOnDuty, String zone, @Size(max = 21) List<@Valid ShiftRequest> shifts) {
        @AssertTrue(message = "give alwaysOnDuty or at least one shift, and a valid time zone such as Asia/Shanghai")
        public boolean isUsable() {
            if (zone != null && !zone.isBlank()) {
                try {
                    ZoneId.of(zone);
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return Boolean.TRUE.equals(alwaysOnDuty) || (shifts != null && !shifts.isEmpty());
        }
    }

    public record HandlerRequest(
            @NotBlank(message = "is required") @Size(max = 100) String name,
            @Size(max = 50) String employeeNo,
            @NotBlank(message = "is required") String department,
            @Size(max = 30) Set<@NotBlank String> skills,
            @Min(value = 0, message = "must not be negative") @Max(value = 1000, message = "must be at most 1000") Integer capacity,
            @NotNull(message = "is required") @Valid DutyRequest duty,
            Boolean available) {
    }

    /** Create or update a handler and their duty roster (ADMIN, or the manager of the department). */
    @PutMapping(path = "/handlers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Handler saveHandler(@PathVariable @Pattern(regexp = "^[A-Za-z0-9._-]{2,64}$", message = "must be 2-64 letters, digits, . _ -") String id,
                               @Valid @RequestBody HandlerRequest body, CallerIdentity caller) {
        var shifts = body.duty().shifts() == null ? List.<DutySchedule.Shift>of()
                : body.duty().shifts().stream().map(s -> new DutySchedule.Shift(s.days(), s.from(), s.to())).toList();
        var duty = new DutySchedule(Boolean.TRUE.equals(body.duty().alwaysOnDuty()), body.duty().zone(), shifts);
        return organisation.saveHandler(new Handler(id, body.name(), body.employeeNo(), body.department(), body.skills(),
                body.capacity() == null ? 0 : body.capacity(), duty, body.available() == null || body.available(), 0, 0), caller);
    }

    public record AvailabilityRequest(@NotNull(message = "is required") Boolean available,
                                      @Size(max = 500) String reason) {
    }

    /** A handler unavailable → their open complaints are reassigned; available again → queued complaints are offered. */
    @PostMapping(path = "/handlers/{id}/availability", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> availability(@PathVariable String id, @Valid @RequestBody AvailabilityRequest body,
                                            CallerIdentity caller) {
        int moved = organisation.setAvailability(id, body.available(), body.reason(), caller);
        return Map.of("handler", id, "available", body.available(), "complaintsMoved", moved);
    }

    /** ADMIN repair: the handler's open workload recounted from the complaints assigned to them. */
    @PostMapping("/handlers/{id}/recount-workload")
    public Handler recountWorkload(@PathVariable String id, CallerIdentity caller) {
        return organisation.recountWorkload(id, caller);
    }

    @GetMapping("/routing-rules")
    public List<RoutingRule> routing(CallerIdentity caller) {
        staff(caller);
        return organisation.settings().routing;
    }

    public record RuleRequest(
            @NotNull(message = "is required") @Min(value = 0, message = "must not be negative") Integer priority,
            String category, ComplainantType complainantType, Severity minSeverity,
            @NotBlank(message = "is required") String department, String skill, Boolean confidential) {
    }

    @PutMapping(path = "/routing-rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    public List<RoutingRule> replaceRouting(@RequestBody @NotEmpty(message = "needs at least one rule") List<@Valid RuleRequest> body,
                                            CallerIdentity caller) {
        return organisation.replaceRouting(body.stream().map(r -> new RoutingRule(r.priority(), r.category(),
                r.complainantType(), r.minSeverity(), r.department(), r.skill(), Boolean.TRUE.equals(r.confidential()))).toList(), caller);
    }

    public record SettingsView(String fallbackDepartment, String prDepartment, String serviceSupervisor, String hq) {
    }

    @GetMapping("/settings")
    public SettingsView settings(CallerIdentity caller) {
        staff(caller);
        var s = organisation.settings();
        return new SettingsView(s.fallbackDepartment, s.prDepartment, s.serviceSupervisor, s.hq);
    }
}
