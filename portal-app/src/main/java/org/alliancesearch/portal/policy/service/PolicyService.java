package org.alliancesearch.portal.policy.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.changes.ChangeFeed;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.CommonCodes;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;
import org.alliancesearch.portal.common.problem.Versions;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.policy.persistence.AlliancePolicyRepository;
import org.alliancesearch.portal.policy.persistence.AlliancePolicySetting;
import org.hibernate.LockMode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads and changes the alliance policy; every search asks {@link #current()}. */
@ApplicationScoped
public class PolicyService {
    static final int MAX_TAGS = 200;
    static final int MAX_TAG_LENGTH = 200;
    /** The code of a refusal that would lower the floor (a {@code red} ceiling). */
    public static final String FLOOR = "policy.floor";
    /** A TLP that is none; the allowed ones are the argument. */
    public static final String TLP = "policy.tlp";
    /** Too many drop tags, or one too long. */
    public static final String TAG = "policy.tag";

    private final AlliancePolicyRepository repository;
    private final ChangeLog audit;
    private final CurrentUser user;
    private final ChangeFeed changes;

    public PolicyService(AlliancePolicyRepository repository, ChangeLog audit, CurrentUser user,
            ChangeFeed changes) {
        this.changes = changes;
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

    /**
     * Changes the policy. {@code tlp:red} and {@code PAP:RED} are always kept in the drop tags (added when missing);
     * a {@code red} ceiling is refused ({@code policy.floor}).
     *
     * @param ifMatch the {@code If-Match} header, or null
     */
    public Uni<PolicyView> update(PolicyUpdate update, String ifMatch) {
        return Uni.createFrom().item(() -> validate(update))
                .flatMap(wanted -> save(wanted, Versions.expected(ifMatch, update.version())))
                // after the commit (or the rollback): this replica's next search reads the policy again
                .onTermination().invoke(() -> changes.changedHere(ChangeFeed.POLICY));
    }

    public Uni<PolicyView> update(PolicyUpdate update) {
        return update(update, null);
    }

    private Uni<PolicyView> save(AlliancePolicy wanted, Long expected) {
        return Panache.withTransaction(() -> repository.current().call(row -> row == null
                ? Uni.createFrom().voidItem()
                : Panache.getSession().flatMap(s -> s.refresh(row, LockMode.PESSIMISTIC_WRITE))).flatMap(row -> {
                    Versions.check(expected, row == null ? 0 : row.version, Reason.of(CommonCodes.STALE),
                            Reason.of(CommonCodes.STALE_FIELD));
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
                    target.version = row == null ? 1 : row.version + 1;
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

    private static AlliancePolicy validate(PolicyUpdate update) {
        List<FieldProblem> errors = new ArrayList<>();
        Optional<Tlp> tlp = parseTlp(update == null ? null : update.maxTlp());
        if (update == null || update.maxTlp() == null || update.maxTlp().isBlank()) {
            errors.add(new FieldProblem("maxTlp", "required", Reason.of(CommonCodes.REQUIRED)));
        } else if (tlp.isEmpty()) {
            errors.add(new FieldProblem("maxTlp", "tlp", Reason.of(TLP, allowedTlps())));
        } else if (belowFloor(tlp.get())) {
            errors.add(new FieldProblem("maxTlp", FLOOR, Reason.of(FLOOR)));
        }
        List<String> tags = cleanTags(update == null ? null : update.dropTags());
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t.length() > MAX_TAG_LENGTH)) {
            errors.add(new FieldProblem("dropTags", "tag", Reason.of(TAG)));
        }
        if (!errors.isEmpty()) {
            throw CodedProblem.invalid(Reason.of("policy.invalid"), errors);
        }
        return new AlliancePolicy(tlp.orElseThrow(), withFloor(tags));
    }

    /** True when a ceiling would show what the floor hides ({@code red}). */
    public static boolean belowFloor(Tlp ceiling) {
        return ceiling.isMoreRestrictiveThan(AlliancePolicy.FLOOR_MAX_TLP);
    }

    /** The floor tags first, then the others that are not one of them (in any case). */
    public static List<String> withFloor(List<String> tags) {
        List<String> out = new ArrayList<>(AlliancePolicy.FLOOR_TAGS);
        for (String tag : tags) {
            if (AlliancePolicy.FLOOR_TAGS.stream().noneMatch(tag::equalsIgnoreCase)) {
                out.add(tag);
            }
        }
        return out;
    }

    /** The TLP codes as the API writes them. */
    public static String allowedTlps() {
        return Arrays.stream(Tlp.values()).map(Tlp::code).collect(java.util.stream.Collectors.joining(", "));
    }

    private static AlliancePolicy toPolicy(AlliancePolicySetting row) {
        Tlp max = parseTlp(row.maxTlp).orElse(Tlp.AMBER);
        return new AlliancePolicy(belowFloor(max) ? AlliancePolicy.FLOOR_MAX_TLP : max,
                withFloor(splitLines(row.dropTags)));
    }

    private static PolicyView toView(AlliancePolicySetting row) {
        if (row == null) {
            AlliancePolicy d = AlliancePolicy.defaults();
            return new PolicyView(d.maxTlp(), d.dropTags(), null, null, 0);
        }
        AlliancePolicy p = toPolicy(row);
        return new PolicyView(p.maxTlp(), p.dropTags(), row.updatedAt, row.updatedBy, row.version);
    }
}
