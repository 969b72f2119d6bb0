package com.complaintdesk.triage.adapters.web;

import com.complaintdesk.contracts.http.Roles;
import com.complaintdesk.triage.application.RuleBook;
import com.complaintdesk.kit.web.ApiException;
import com.complaintdesk.kit.web.CallerIdentity;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The classification rules and the acceptance scope as data (SPEC §3.7, issue 3): list, change and roll back
 * without a restart; every change is a new version with who, when and why.
 * {@code kind} is {@code rules} or {@code acceptance-scope}.
 */
@RestController
@RequestMapping("/api/v1/triage")
public class RulesController {

    static final String[] READERS = {Roles.TRIAGE_OFFICER, Roles.SUPERVISOR, Roles.DEPARTMENT_MANAGER, Roles.HQ_ANALYST};
    static final String[] EDITORS = {Roles.TRIAGE_OFFICER, Roles.SUPERVISOR};

    private final RuleBook rules;

    public RulesController(RuleBook rules) {
        this.rules = rules;
    }

    @GetMapping(value = "/{kind:rules|acceptance-scope}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> current(@PathVariable String kind, CallerIdentity caller) {
        caller.require(READERS);
        long version = rules.history(kind).stream().filter(RuleBook.VersionInfo::active).findFirst()
                .map(RuleBook.VersionInfo::version).orElse(0L);
        return ResponseEntity.ok().header("X-Rules-Version", String.valueOf(version)).body(rules.currentJson(kind));
    }

    @PutMapping("/{kind:rules|acceptance-scope}")
    public RuleBook.VersionInfo change(@PathVariable String kind, @Valid @RequestBody OfficerRequests.RulesChange body,
                                       CallerIdentity caller) {
        caller.require(EDITORS);
        String json = body.rules().toString();
        return kind.equals(RuleBook.RULES)
                ? rules.changeRules(json, caller.actor(), body.comment())
                : rules.changeScope(json, caller.actor(), body.comment());
    }

    /** The version history, newest first: the audit trail of every change. */
    @GetMapping("/{kind:rules|acceptance-scope}/versions")
    public List<RuleBook.VersionInfo> versions(@PathVariable String kind, CallerIdentity caller) {
        caller.require(READERS);
        return rules.history(kind);
    }

    @GetMapping(value = "/{kind:rules|acceptance-scope}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    public String version(@PathVariable String kind, @PathVariable long version, CallerIdentity caller) {
        caller.require(READERS);
        return rules.versionJson(kind, version).orElseThrow(() -> ApiException.notFound("Version", kind + " " + version));
    }

    @PostMapping("/{kind:rules|acceptance-scope}/rollback")
    public RuleBook.VersionInfo rollback(@PathVariable String kind, @Valid @RequestBody OfficerRequests.Rollback body,
                                         CallerIdentity caller) {
        caller.require(EDITORS);
        return rules.rollback(kind, body.version(), caller.actor(), body.comment());
    }
}
