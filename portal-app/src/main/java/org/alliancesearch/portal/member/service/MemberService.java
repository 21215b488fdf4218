package org.alliancesearch.portal.member.service;

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
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
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

    public MemberService(MemberRepository repository, MemberSecrets secrets, MemberRegistrySync registrySync,
            ConnectionTester tester, MemberHealthView healthView, ChangeLog audit, CurrentUser user,
            MembersConfig config) {
        this.repository = repository;
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

    public Uni<MemberView> get(UUID id, AppMessages msg) {
        return Panache.withSession(() -> live(id, msg)).map(MemberService::view);
    }

    public Uni<MemberView> create(MemberInput input, AppMessages msg) {
        return Uni.createFrom().item(() -> validate(input, true, null, msg))
                .flatMap(valid -> doCreate(input, valid, msg));
    }

    private Uni<MemberView> doCreate(MemberInput input, Validated valid, AppMessages msg) {
        return Panache.withTransaction(() -> refuseDuplicate(valid.url(), null, msg).flatMap(v -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            MemberEntity m = new MemberEntity();
            m.id = UUID.randomUUID();
            m.createdAt = now;
            m.createdBy = user.name();
            apply(m, input, valid, now);
            return repository.persist(m)
                    .call(saved -> audit.record("member.create", "member", saved.id.toString(), null, view(saved)));
        })).onFailure(MemberService::isDuplicateUrl).transform(e -> duplicate(msg))
                .invoke(m -> LOG.infof("Member %s (%s, %s) created by %s", m.id, m.name, m.baseUrl, user.name()))
                .invoke(registrySync::changed)
                .invoke(m -> organisations.learnLater(m.id))
                .map(MemberService::view);
    }

    /** A change that sends every field (the page form): what it leaves empty is cleared. */
    public Uni<MemberView> update(UUID id, MemberInput input, AppMessages msg) {
        return update(id, input, null, null, msg);
    }

    /**
     * Changes a member.
     *
     * @param present the fields the change mentions (absent ones keep their stored value), or null when it sends
     *        them all
     * @param ifMatch the {@code If-Match} header, or null
     */
    public Uni<MemberView> update(UUID id, MemberInput input, Set<String> present, String ifMatch,
            AppMessages msg) {
        if (input == null) {
            return Uni.createFrom().failure(() -> ProblemException.invalid(msg.detail_invalid_member(),
                    List.of(new FieldError("name", "required", msg.err_required()))));
        }
        Long expected = Versions.expected(ifMatch, input.version());
        return Panache.withTransaction(() -> live(id, msg)
                .call(m -> Panache.getSession().flatMap(s -> s.refresh(m, LockMode.PESSIMISTIC_WRITE)))
                .flatMap(m -> {
                    Versions.check(expected, m.version, msg.detail_stale_version(), msg.err_stale_version());
                    MemberInput merged = merge(m, input, present);
                    Validated valid = validate(merged, false, m.baseUrl, msg);
                    return refuseDuplicate(valid.url(), id, msg).replaceWith(m).flatMap(row -> save(row, merged,
                            valid));
                }))
                .onFailure(MemberService::isDuplicateUrl).transform(e -> duplicate(msg))
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
    public Uni<Void> delete(UUID id, AppMessages msg) {
        return Panache.withTransaction(() -> live(id, msg).flatMap(m -> {
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
    public Uni<ConnectionReport> test(UUID id, AppMessages msg) {
        return Panache.withSession(() -> live(id, msg)).map(secrets::endpoint)
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
            RotationReport report = new RotationReport(secrets.activeKeyId(), reencrypted, total - reencrypted);
            LOG.infof("Key rotation by %s: %d secret(s) re-encrypted under key %s, %d already were", user.name(),
                    reencrypted, report.activeKey(), report.unchanged());
            return repository.persist(rows)
                    .call(v -> audit.record("crypto.rotate", "crypto", report.activeKey(), null, report))
                    .replaceWith(report);
        }));
    }

    private Uni<MemberEntity> live(UUID id, AppMessages msg) {
        return repository.findLive(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound(msg.detail_member_not_found(String.valueOf(id))));
    }

    private Uni<Void> refuseDuplicate(String url, UUID except, AppMessages msg) {
        return repository.findLiveByUrl(url, except).flatMap(other -> other == null
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(duplicate(msg)));
    }

    private static ProblemException duplicate(AppMessages msg) {
        return ProblemException.conflict(msg.detail_duplicate_url(),
                List.of(new FieldError("url", "url.duplicate", msg.err_url_duplicate())));
    }

    /** The unique index on live base URLs, when two admins add the same URL at once. */
    private static boolean isDuplicateUrl(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
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

    private Validated validate(MemberInput input, boolean creating, String storedUrl, AppMessages msg) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            throw ProblemException.invalid(msg.detail_invalid_member(),
                    List.of(new FieldError("name", "required", msg.err_required())));
        }
        text(errors, "name", input.name(), MAX_NAME, msg);
        text(errors, "organisation", input.organisation(), MAX_NAME, msg);
        String url = null;
        if (!present(input.url())) {
            errors.add(new FieldError("url", "required", msg.err_required()));
        } else if (input.url().length() > MAX_URL) {
            errors.add(new FieldError("url", "too-long", msg.err_too_long(MAX_URL)));
        } else {
            MemberUrlValidator.Result result = urls.check(input.url());
            if (result.ok() && config.requireHttps() && !result.normalised().startsWith("https://")) {
                errors.add(new FieldError("url", "url.https-required", msg.err_url_https()));
            } else if (result.ok()) {
                url = result.normalised();
            } else {
                errors.add(new FieldError("url", result.refusal().code(), urlMessage(result.refusal(), msg)));
            }
        }
        if (creating && !present(input.apiKey())) {
            errors.add(new FieldError("apiKey", "required", msg.err_required()));
        } else if (!creating && url != null && !present(input.apiKey()) && otherServer(storedUrl, url)) {
            errors.add(new FieldError("apiKey", "apiKey.required-on-url-change", msg.err_api_key_url_change()));
        } else if (present(input.apiKey()) && input.apiKey().length() > MAX_API_KEY) {
            errors.add(new FieldError("apiKey", "too-long", msg.err_too_long(MAX_API_KEY)));
        }
        int timeout = input.timeoutMs() == null ? config.defaultTimeoutMs() : input.timeoutMs();
        if (timeout < config.minTimeoutMs() || timeout > config.maxTimeoutMs()) {
            errors.add(new FieldError("timeoutMs", "range",
                    msg.err_timeout_range(config.minTimeoutMs(), config.maxTimeoutMs())));
        }
        pem(errors, "caPem", input.caPem(), true, msg);
        String tlsPin = null;
        if (present(input.tlsPinSha256())) {
            tlsPin = normalisePin(input.tlsPinSha256());
            if (tlsPin == null) {
                errors.add(new FieldError("tlsPinSha256", "tls-pin", msg.err_tls_pin()));
            }
        }
        if (config.requireHttps() && Boolean.FALSE.equals(input.verifyTls()) && !present(input.caPem())
                && !present(input.tlsPinSha256())) {
            errors.add(new FieldError("verifyTls", "tls.anchor-required", msg.err_tls_anchor()));
        }
        pem(errors, "clientCertPem", input.clientCertPem(), true, msg);
        pem(errors, "clientKeyPem", input.clientKeyPem(), false, msg);
        if (present(input.clientKeyPem()) && !present(input.clientCertPem())) {
            errors.add(new FieldError("clientCertPem", "client-pair", msg.err_client_pair()));
        }
        if (creating && present(input.clientCertPem()) && !present(input.clientKeyPem())) {
            errors.add(new FieldError("clientKeyPem", "client-pair", msg.err_client_pair()));
        }
        MemberPolicyOverride policy = input.policy() == null ? MemberPolicyOverride.none() : input.policy();
        Optional<Tlp> maxTlp = PolicyService.parseTlp(policy.maxTlp());
        if (present(policy.maxTlp()) && maxTlp.isEmpty()) {
            errors.add(new FieldError("policy.maxTlp", "tlp", msg.err_tlp(PolicyService.allowedTlps())));
        } else if (maxTlp.isPresent() && PolicyService.belowFloor(maxTlp.get())) {
            errors.add(new FieldError("policy.maxTlp", PolicyService.FLOOR, msg.err_policy_floor()));
        }
        List<String> dropTags = PolicyService.cleanTags(policy.dropTags());
        if (dropTags.size() > 200 || dropTags.stream().anyMatch(t -> t.length() > 200)) {
            errors.add(new FieldError("policy.dropTags", "tag", msg.err_tag()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(msg.detail_invalid_member(), errors);
        }
        return new Validated(url, timeout, maxTlp, dropTags, tlsPin);
    }

    static String urlMessage(MemberUrlValidator.Refusal refusal, AppMessages msg) {
        return switch (refusal) {
            case INVALID -> msg.err_url_invalid();
            case SCHEME -> msg.err_url_scheme();
            case USERINFO -> msg.err_url_userinfo();
            case QUERY -> msg.err_url_query();
            case LINK_LOCAL -> msg.err_url_link_local();
            case METADATA -> msg.err_url_metadata();
            case LOOPBACK -> msg.err_url_loopback();
            case UNSPECIFIED -> msg.err_url_unspecified();
        };
    }

    private static void text(List<FieldError> errors, String field, String value, int max, AppMessages msg) {
        if (!present(value)) {
            errors.add(new FieldError(field, "required", msg.err_required()));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "too-long", msg.err_too_long(max)));
        }
    }

    private static void pem(List<FieldError> errors, String field, String value, boolean certificate,
            AppMessages msg) {
        if (!present(value)) {
            return;
        }
        if (value.length() > MAX_PEM) {
            errors.add(new FieldError(field, "too-long", msg.err_too_long(MAX_PEM)));
        } else if (certificate && !PemChecks.certificates(value)) {
            errors.add(new FieldError(field, "pem", msg.err_pem_certificate()));
        } else if (!certificate && !PemChecks.privateKey(value)) {
            errors.add(new FieldError(field, "pem", msg.err_pem_key()));
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
