package org.alliancesearch.portal.policy.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.audit.service.AuditLog;
import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.policy.persistence.AlliancePolicyRepository;
import org.alliancesearch.portal.policy.persistence.AlliancePolicySetting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads and changes the alliance policy; every search asks {@link #current()}. */
@ApplicationScoped
public class PolicyService {
    static final int MAX_TAGS = 200;
    static final int MAX_TAG_LENGTH = 200;

    private final AlliancePolicyRepository repository;
    private final AuditLog audit;
    private final CurrentUser user;

    public PolicyService(AlliancePolicyRepository repository, AuditLog audit, CurrentUser user) {
        this.repository = repository;
        this.audit = audit;
        this.user = user;
    }

    /** The policy every search applies (the built-in default if the row is missing). */
    @WithSession
    public Uni<AlliancePolicy> current() {
        return repository.current().map(row -> row == null ? AlliancePolicy.defaults() : toPolicy(row));
    }

    @WithSession
    public Uni<PolicyView> view() {
        return repository.current().map(PolicyService::toView);
    }

    public Uni<PolicyView> update(PolicyUpdate update, AppMessages msg) {
        return Uni.createFrom().item(() -> validate(update, msg)).flatMap(this::save);
    }

    private Uni<PolicyView> save(AlliancePolicy wanted) {
        return Panache.withTransaction(() -> repository.current().flatMap(row -> {
            PolicyView before = toView(row);
            AlliancePolicySetting target = row;
            if (target == null) {
                target = new AlliancePolicySetting();
                target.id = AlliancePolicySetting.SINGLETON_ID;
            }
            target.maxTlp = wanted.maxTlp().name();
            target.dropTags = String.join("\n", wanted.dropTags());
            target.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            target.updatedBy = user.name();
            AlliancePolicySetting saved = target;
            return repository.persist(saved)
                    .flatMap(s -> audit.record("policy.update", "policy", "alliance", before, toView(s)))
                    .map(v -> toView(saved));
        }));
    }

    /** Parses a TLP level as admins type it: {@code amber}, {@code TLP:AMBER+STRICT}, {@code white}. */
    public static Optional<Tlp> parseTlp(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Tlp.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Trims, drops empty lines and duplicates; null when a tag is too long. */
    public static List<String> cleanTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            clean.add(tag.trim());
        }
        return new ArrayList<>(clean);
    }

    public static List<String> splitLines(String text) {
        return text == null ? List.of() : cleanTags(Arrays.asList(text.split("\\R")));
    }

    private static AlliancePolicy validate(PolicyUpdate update, AppMessages msg) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Tlp> tlp = parseTlp(update == null ? null : update.maxTlp());
        if (update == null || update.maxTlp() == null || update.maxTlp().isBlank()) {
            errors.add(new FieldError("maxTlp", "required", msg.err_required()));
        } else if (tlp.isEmpty()) {
            errors.add(new FieldError("maxTlp", "tlp", msg.err_tlp(allowedTlps())));
        }
        List<String> tags = cleanTags(update == null ? null : update.dropTags());
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t.length() > MAX_TAG_LENGTH)) {
            errors.add(new FieldError("dropTags", "tag", msg.err_tag()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(msg.detail_invalid_policy(), errors);
        }
        return new AlliancePolicy(tlp.orElseThrow(), tags);
    }

    /** The TLP codes as the API writes them. */
    public static String allowedTlps() {
        return Arrays.stream(Tlp.values()).map(Tlp::code).collect(java.util.stream.Collectors.joining(", "));
    }

    private static AlliancePolicy toPolicy(AlliancePolicySetting row) {
        return new AlliancePolicy(parseTlp(row.maxTlp).orElse(Tlp.AMBER), splitLines(row.dropTags));
    }

    private static PolicyView toView(AlliancePolicySetting row) {
        if (row == null) {
            AlliancePolicy d = AlliancePolicy.defaults();
            return new PolicyView(d.maxTlp(), d.dropTags(), null, null);
        }
        AlliancePolicy p = toPolicy(row);
        return new PolicyView(p.maxTlp(), p.dropTags(), row.updatedAt, row.updatedBy);
    }
}
