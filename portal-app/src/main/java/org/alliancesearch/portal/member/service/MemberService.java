package org.alliancesearch.portal.member.service;

import static org.alliancesearch.portal.common.problem.CommonCodes.REQUIRED;
import static org.alliancesearch.portal.common.problem.CommonCodes.STALE;
import static org.alliancesearch.portal.common.problem.CommonCodes.STALE_FIELD;
import static org.alliancesearch.portal.common.problem.CommonCodes.TOO_LONG;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.connector.ConnectionReport;
import org.alliancesearch.connector.ConnectionTester;
import org.alliancesearch.connector.MemberHealthView;
import org.alliancesearch.model.failure.Causes;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.crypto.SealedSecrets;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;
import org.alliancesearch.portal.common.problem.Versions;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.member.persistence.MemberEntity;
import org.alliancesearch.portal.member.persistence.MemberRepository;
import org.alliancesearch.portal.policy.service.PolicyService;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Onboarding and administration of member instances. Every change is audited and reaches the connector. */
@ApplicationScoped
public class MemberService {
    private static final Logger LOG = Logger.getLogger(MemberService.class);
    static final int MAX_NAME = 200;
    static final int MAX_URL = 2048;
    static final int MAX_API_KEY = 1024;
    static final int MAX_PEM = 65536;
    private static final Reason INVALID = Reason.of("member.invalid");

    private final MemberRepository repository;
    private final MemberSecrets secrets;
    private final MemberRegistrySync registrySync;
    private final ConnectionTester tester;
    private final MemberHealthView healthView;
    private final ChangeLog audit;
    private final CurrentUser user;
    private final MembersConfig config;
    private final MemberUrlValidator urls;
    /** Learns each member's own MISP organisation (the one it may speak for). */
    @Inject
    MemberOrganisations organisations;

    private final jakarta.enterprise.inject.Instance<SealedSecrets> otherSecrets;

    public MemberService(MemberRepository repository, MemberSecrets secrets, MemberRegistrySync registrySync,
            ConnectionTester tester, MemberHealthView healthView, ChangeLog audit, CurrentUser user,
            MembersConfig config, jakarta.enterprise.inject.Instance<SealedSecrets> otherSecrets) {
        this.repository = repository;
        this.otherSecrets = otherSecrets;
        this.secrets = secrets;
        this.registrySync = registrySync;
        this.tester = tester;
        this.healthView = healthView;
        this.audit = audit;
        this.user = user;
        this.config = config;
        this.urls = new MemberUrlValidator(config.allowLoopback());
    }

    public Uni<List<MemberView>> list() {
        return Panache.withSession(repository::live).map(rows -> rows.stream().map(MemberService::view).toList());
    }

    public Uni<MemberView> get(UUID id) {
        return Panache.withSession(() -> live(id)).map(MemberService::view);
    }

    public Uni<MemberView> create(MemberInput input) {
        return Uni.createFrom().item(() -> validate(input, true, null))
                .flatMap(valid -> doCreate(input, valid));
    }

    private Uni<MemberView> doCreate(MemberInput input, Validated valid) {
        return Panache.withTransaction(() -> refuseDuplicate(valid.url(), null).flatMap(v -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            MemberEntity m = new MemberEntity();
            m.id = UUID.randomUUID();
            m.createdAt = now;
            m.createdBy = user.name();
            apply(m, input, valid, now);
            return repository.persist(m)
                    .call(saved -> audit.record("member.create", "member", saved.id.toString(), null, view(saved)));
        })).onFailure(MemberService::isDuplicateUrl).transform(e -> duplicate())
                .invoke(m -> LOG.infof("Member %s (%s, %s) created by %s", m.id, m.name, m.baseUrl, user.name()))
                .invoke(registrySync::changed)
                .invoke(m -> organisations.learnLater(m.id))
                .map(MemberService::view);
    }

    /** A change that sends every field (the page form): what it leaves empty is cleared. */
    public Uni<MemberView> update(UUID id, MemberInput input) {
        return update(id, input, null, null);
    }

    /**
     * Changes a member.
     *
     * @param present the fields the change mentions (absent ones keep their stored value), or null when it sends
     *        them all
     * @param ifMatch the {@code If-Match} header, or null
     */
    public Uni<MemberView> update(UUID id, MemberInput input, Set<String> present, String ifMatch) {
        if (input == null) {
            return Uni.createFrom().failure(() -> CodedProblem.invalid(INVALID,
                    List.of(new FieldProblem("name", "required", Reason.of(REQUIRED)))));
        }
        Long expected = Versions.expected(ifMatch, input.version());
        return Panache.withTransaction(() -> live(id)
                .call(m -> Panache.getSession().flatMap(s -> s.refresh(m, LockMode.PESSIMISTIC_WRITE)))
                .flatMap(m -> {
                    Versions.check(expected, m.version, Reason.of(STALE), Reason.of(STALE_FIELD));
                    MemberInput merged = merge(m, input, present);
                    Validated valid = validate(merged, false, m.baseUrl);
                    return refuseDuplicate(valid.url(), id).replaceWith(m).flatMap(row -> save(row, merged,
                            valid));
                }))
                .onFailure(MemberService::isDuplicateUrl).transform(e -> duplicate())
                .invoke(m -> LOG.infof("Member %s (%s, %s) changed by %s", m.id, m.name, m.baseUrl, user.name()))
                .invoke(registrySync::changed)
                .map(MemberService::view);
    }

    private Uni<MemberEntity> save(MemberEntity m, MemberInput input, Validated valid) {
        MemberView before = view(m);
        String id = m.id.toString();
        String oldUrl = m.baseUrl;
        boolean newKey = present(input.apiKey());
        apply(m, input, valid, OffsetDateTime.now(ZoneOffset.UTC));
        return repository.persistAndFlush(m)
                .call(saved -> audit.record("member.update", "member", id, before, view(saved)))
                .call(saved -> oldUrl.equals(saved.baseUrl)
                        ? Uni.createFrom().voidItem()
                        : audit.record("member.url-change", "member", id, Map.of("url", oldUrl),
                                Map.of("url", saved.baseUrl)))
                // that the key changed, never the key
                .call(saved -> newKey
                        ? audit.record("member.api-key-change", "member", id, null, Map.of("apiKey", "replaced"))
                        : Uni.createFrom().voidItem());
    }

    /** The change as a whole member: fields it does not mention keep their stored values. */
    static MemberInput merge(MemberEntity m, MemberInput in, Set<String> present) {
        if (present == null) {
            return in;
        }
        MemberPolicyOverride stored = new MemberPolicyOverride(m.policyMaxTlp,
                PolicyService.splitLines(m.policyDropTags));
        return new MemberInput(present.contains("name") ? in.name() : m.name,
                present.contains("organisation") ? in.organisation() : m.organisation,
                present.contains("url") ? in.url() : m.baseUrl, in.apiKey(),
                present.contains("verifyTls") ? in.verifyTls() : Boolean.valueOf(m.verifyTls),
                present.contains("caPem") ? in.caPem() : m.caPem,
                present.contains("clientCertPem") ? in.clientCertPem() : m.clientCertPem, in.clientKeyPem(),
                present.contains("timeoutMs") ? in.timeoutMs() : Integer.valueOf(m.timeoutMs),
                present.contains("enabled") ? in.enabled() : Boolean.valueOf(m.enabled),
                present.contains("tlsPinSha256") ? in.tlsPinSha256() : m.tlsPinSha256,
                present.contains("policy") ? in.policy() : stored, in.version());
    }

    /** True when two URLs name another server: scheme, host or (effective) port differ. */
    static boolean otherServer(String stored, String wanted) {
        try {
            URI a = URI.create(stored);
            URI b = URI.create(wanted);
            return !String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                    || !String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                    || port(a) != port(b);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Soft delete: the row stays for the audit trail, the URL becomes free, the connector forgets the member. */
    public Uni<Void> delete(UUID id) {
        return Panache.withTransaction(() -> live(id).flatMap(m -> {
            MemberView before = view(m);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            m.deletedAt = now;
            m.updatedAt = now;
            m.updatedBy = user.name();
            return repository.persist(m)
                    .call(saved -> audit.record("member.delete", "member", id.toString(), before, null));
        })).invoke(m -> LOG.infof("Member %s (%s) deleted by %s", m.id, m.name, user.name()))
                .invoke(registrySync::changed).replaceWithVoid();
    }

    /** Calls the member with its stored settings and key; never fails, the report says what went wrong. */
    public Uni<ConnectionReport> test(UUID id) {
        return Panache.withSession(() -> live(id)).map(secrets::endpoint)
                .flatMap(endpoint -> tester.test(endpoint).invoke(report -> LOG.infof(
                        "Connection test of %s by %s: %s in %d ms%s", endpoint, user.name(), report.status(),
                        report.latencyMs(), report.message() == null ? "" : " (" + report.message() + ")")))
                .call(report -> organisations.learn(id, report));
    }

    public Uni<List<MemberHealthRow>> health() {
        return list().map(members -> members.stream()
                .map(m -> new MemberHealthRow(m, healthView.health(m.id().toString()).orElse(null))).toList());
    }

    /**
     * The policy each live member's records are filtered with: the alliance policy, made stricter by the member's
     * overrides (the lower TLP ceiling, the union of the drop tags). Keyed by member id.
     */
    public Uni<Map<String, AlliancePolicy>> effectivePolicies(AlliancePolicy alliance) {
        return Panache.withSession(repository::live).map(rows -> {
            Map<String, AlliancePolicy> policies = new LinkedHashMap<>();
            for (MemberEntity m : rows) {
                policies.put(m.id.toString(), effective(alliance, PolicyService.parseTlp(m.policyMaxTlp),
                        PolicyService.splitLines(m.policyDropTags)));
            }
            return policies;
        });
    }

    static AlliancePolicy effective(AlliancePolicy alliance, Optional<Tlp> memberMax, List<String> memberDropTags) {
        Tlp max = memberMax.filter(t -> t.compareTo(alliance.maxTlp()) < 0).orElse(alliance.maxTlp());
        LinkedHashSet<String> tags = new LinkedHashSet<>(alliance.dropTags());
        tags.addAll(memberDropTags);
        return new AlliancePolicy(max, new ArrayList<>(tags));
    }

    /** Re-encrypts every stored secret (deleted members too) under the active key. */
    public Uni<RotationReport> rotateKeys() {
        return Panache.withTransaction(() -> repository.listAll().flatMap(rows -> {
            int reencrypted = 0;
            int total = 0;
            for (MemberEntity m : rows) {
                total += secrets.secretCount(m);
                reencrypted += secrets.rotate(m);
            }
            int[] counts = {reencrypted, total - reencrypted};
            // the other features' sealed secrets, in the same transaction: all re-sealed or none
            Uni<Void> others = Uni.createFrom().voidItem();
            for (SealedSecrets feature : otherSecrets) {
                others = others.flatMap(v -> feature.rotate().invoke(r -> {
                    counts[0] += r.reencrypted();
                    counts[1] += r.unchanged();
                })).replaceWithVoid();
            }
            Uni<Void> rest = others;
            return repository.persist(rows).flatMap(v -> rest).flatMap(v -> {
                RotationReport report = new RotationReport(secrets.activeKeyId(), counts[0], counts[1]);
                LOG.infof("Key rotation by %s: %d secret(s) re-encrypted under key %s, %d already were", user.name(),
                        report.reencrypted(), report.activeKey(), report.unchanged());
                return audit.record("crypto.rotate", "crypto", report.activeKey(), null, report).replaceWith(report);
            });
        }));
    }

    private Uni<MemberEntity> live(UUID id) {
        return repository.findLive(id).onItem().ifNull()
                .failWith(() -> CodedProblem.notFound(Reason.of("member.not-found", String.valueOf(id))));
    }

    private Uni<Void> refuseDuplicate(String url, UUID except) {
        return repository.findLiveByUrl(url, except).flatMap(other -> other == null
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(duplicate()));
    }

    private static CodedProblem duplicate() {
        return CodedProblem.conflict(Reason.of("member.duplicate"),
                List.of(new FieldProblem("url", "url.duplicate", Reason.of("member.url.duplicate"))));
    }

    /** The unique index on live base URLs, when two admins add the same URL at once. */
    private static boolean isDuplicateUrl(Throwable failure) {
        for (Throwable t : Causes.chain(failure)) {
            String message = t.getMessage();
            if (message != null && message.contains("member_instance_base_url_live")) {
                return true;
            }
        }
        return false;
    }

    private void apply(MemberEntity m, MemberInput input, Validated valid, OffsetDateTime now) {
        m.name = input.name().trim();
        m.organisation = input.organisation().trim();
        m.baseUrl = valid.url();
        if (present(input.apiKey())) {
            secrets.sealApiKey(m, input.apiKey().trim());
        }
        m.verifyTls = input.verifyTls() == null || input.verifyTls();
        m.caPem = blankToNull(input.caPem());
        m.tlsPinSha256 = valid.tlsPin();
        m.clientCertPem = blankToNull(input.clientCertPem());
        if (present(input.clientKeyPem())) {
            secrets.sealClientKey(m, input.clientKeyPem().trim());
        }
        if (m.clientCertPem == null) {
            // no certificate: a stored key has no use
            secrets.sealClientKey(m, null);
        }
        m.timeoutMs = valid.timeoutMs();
        m.enabled = input.enabled() == null || input.enabled();
        m.policyMaxTlp = valid.maxTlp().map(Tlp::name).orElse(null);
        m.policyDropTags = valid.dropTags().isEmpty() ? null : String.join("\n", valid.dropTags());
        m.updatedAt = now;
        m.updatedBy = user.name();
    }

    record Validated(String url, int timeoutMs, Optional<Tlp> maxTlp, List<String> dropTags, String tlsPin) {
    }

    private Validated validate(MemberInput input, boolean creating, String storedUrl) {
        List<FieldProblem> errors = new ArrayList<>();
        if (input == null) {
            throw CodedProblem.invalid(INVALID,
                    List.of(new FieldProblem("name", "required", Reason.of(REQUIRED))));
        }
        text(errors, "name", input.name(), MAX_NAME);
        text(errors, "organisation", input.organisation(), MAX_NAME);
        String url = null;
        if (!present(input.url())) {
            errors.add(new FieldProblem("url", "required", Reason.of(REQUIRED)));
        } else if (input.url().length() > MAX_URL) {
            errors.add(new FieldProblem("url", "too-long", Reason.of(TOO_LONG, MAX_URL)));
        } else {
            MemberUrlValidator.Result result = urls.check(input.url());
            if (result.ok() && config.requireHttps() && !result.normalised().startsWith("https://")) {
                errors.add(new FieldProblem("url", "url.https-required", Reason.of("member.url.https-required")));
            } else if (result.ok()) {
                url = result.normalised();
            } else {
                errors.add(new FieldProblem("url", result.refusal().code(),
                        Reason.of("member." + result.refusal().code())));
            }
        }
        if (creating && !present(input.apiKey())) {
            errors.add(new FieldProblem("apiKey", "required", Reason.of(REQUIRED)));
        } else if (!creating && url != null && !present(input.apiKey()) && otherServer(storedUrl, url)) {
            errors.add(new FieldProblem("apiKey", "apiKey.required-on-url-change",
                    Reason.of("member.api-key.url-change")));
        } else if (present(input.apiKey()) && input.apiKey().length() > MAX_API_KEY) {
            errors.add(new FieldProblem("apiKey", "too-long", Reason.of(TOO_LONG, MAX_API_KEY)));
        }
        int timeout = input.timeoutMs() == null ? config.defaultTimeoutMs() : input.timeoutMs();
        if (timeout < config.minTimeoutMs() || timeout > config.maxTimeoutMs()) {
            errors.add(new FieldProblem("timeoutMs", "range",
                    Reason.of("member.timeout.range", config.minTimeoutMs(), config.maxTimeoutMs())));
        }
        pem(errors, "caPem", input.caPem(), true);
        String tlsPin = null;
        if (present(input.tlsPinSha256())) {
            tlsPin = normalisePin(input.tlsPinSha256());
            if (tlsPin == null) {
                errors.add(new FieldProblem("tlsPinSha256", "tls-pin", Reason.of("member.tls-pin")));
            }
        }
        if (config.requireHttps() && Boolean.FALSE.equals(input.verifyTls()) && !present(input.caPem())
                && !present(input.tlsPinSha256())) {
            errors.add(new FieldProblem("verifyTls", "tls.anchor-required", Reason.of("member.tls-anchor")));
        }
        pem(errors, "clientCertPem", input.clientCertPem(), true);
        pem(errors, "clientKeyPem", input.clientKeyPem(), false);
        if (present(input.clientKeyPem()) && !present(input.clientCertPem())) {
            errors.add(new FieldProblem("clientCertPem", "client-pair", Reason.of("member.client-pair")));
        }
        if (creating && present(input.clientCertPem()) && !present(input.clientKeyPem())) {
            errors.add(new FieldProblem("clientKeyPem", "client-pair", Reason.of("member.client-pair")));
        }
        MemberPolicyOverride policy = input.policy() == null ? MemberPolicyOverride.none() : input.policy();
        Optional<Tlp> maxTlp = PolicyService.parseTlp(policy.maxTlp());
        if (present(policy.maxTlp()) && maxTlp.isEmpty()) {
            errors.add(new FieldProblem("policy.maxTlp", "tlp",
                    Reason.of(PolicyService.TLP, PolicyService.allowedTlps())));
        } else if (maxTlp.isPresent() && PolicyService.belowFloor(maxTlp.get())) {
            errors.add(new FieldProblem("policy.maxTlp", PolicyService.FLOOR, Reason.of(PolicyService.FLOOR)));
        }
        List<String> dropTags = PolicyService.cleanTags(policy.dropTags());
        if (dropTags.size() > 200 || dropTags.stream().anyMatch(t -> t.length() > 200)) {
            errors.add(new FieldProblem("policy.dropTags", "tag", Reason.of(PolicyService.TAG)));
        }
        if (!errors.isEmpty()) {
            throw CodedProblem.invalid(INVALID, errors);
        }
        return new Validated(url, timeout, maxTlp, dropTags, tlsPin);
    }

    private static void text(List<FieldProblem> errors, String field, String value, int max) {
        if (!present(value)) {
            errors.add(new FieldProblem(field, "required", Reason.of(REQUIRED)));
        } else if (value.trim().length() > max) {
            errors.add(new FieldProblem(field, "too-long", Reason.of(TOO_LONG, max)));
        }
    }

    private static void pem(List<FieldProblem> errors, String field, String value, boolean certificate) {
        if (!present(value)) {
            return;
        }
        if (value.length() > MAX_PEM) {
            errors.add(new FieldProblem(field, "too-long", Reason.of(TOO_LONG, MAX_PEM)));
        } else if (certificate && !PemChecks.certificates(value)) {
            errors.add(new FieldProblem(field, "pem", Reason.of("member.pem.certificate")));
        } else if (!certificate && !PemChecks.privateKey(value)) {
            errors.add(new FieldProblem(field, "pem", Reason.of("member.pem.key")));
        }
    }

    /** 64 hex digits, colons and spaces allowed between them, any case; lower-case without colons, or null. */
    static String normalisePin(String pin) {
        String hex = pin.replace(":", "").replace(" ", "").trim().toLowerCase(java.util.Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? hex : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.trim() : null;
    }

    static MemberView view(MemberEntity m) {
        String maxTlp = PolicyService.parseTlp(m.policyMaxTlp).map(Tlp::code).orElse(null);
        MemberPolicyOverride policy = new MemberPolicyOverride(maxTlp, PolicyService.splitLines(m.policyDropTags));
        return new MemberView(m.id, m.name, m.organisation, m.baseUrl, m.apiKeyCiphertext != null, m.verifyTls,
                m.caPem, m.tlsPinSha256, m.clientCertPem, m.clientKeyCiphertext != null, m.timeoutMs, m.enabled, policy,
                m.createdAt, m.createdBy, m.updatedAt, m.updatedBy, m.version);
    }
}
