package org.alliancesearch.simulator.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.alliancesearch.simulator.store.AttributeDraft;
import org.alliancesearch.simulator.store.EventDraft;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.Organisation;
import org.alliancesearch.simulator.store.TagDraft;

/**
 * Deterministic MISP data for several simulated organisations at once: the same settings give the same events,
 * values and uuids on every run. Events carry English or Japanese {@code info} texts, a TLP tag (some
 * {@code tlp:red}, some {@code PAP:RED}, some in upper case as seen in the wild), other tags and a mix of indicator
 * types. A share of the values comes from a pool common to all organisations (same value, own uuids), and a share of
 * each organisation's events is synchronised to the next organisation (same event and attribute uuids, {@code Orgc}
 * = the creator). Writes straight into the stores, so a million attributes never exist as objects.
 */
public final class DataGenerator {

    /**
     * @param seed random seed
     * @param eventsPerInstance generated events per organisation (before synchronised copies)
     * @param attributesPerEvent attributes per generated event
     * @param sharedShare share of attributes whose value comes from the common pool, 0–1
     * @param syncShare share of each organisation's events copied to the next organisation, 0–1
     * @param referenceEpochSecond "now" of the data: dates and timestamps lie in the year before it
     */
    public record Settings(long seed, int eventsPerInstance, int attributesPerEvent, double sharedShare,
            double syncShare, long referenceEpochSecond) {
    }

    static final String[][] TYPES = {
            // type, category, weight, to_ids percent
            {"ip-dst", "Network activity", "18", "90"}, {"ip-src", "Network activity", "10", "85"},
            {"domain", "Network activity", "15", "85"}, {"hostname", "Network activity", "8", "80"},
            {"url", "Network activity", "12", "80"}, {"email-src", "Payload delivery", "5", "60"},
            {"md5", "Payload delivery", "8", "90"}, {"sha1", "Payload delivery", "6", "90"},
            {"sha256", "Payload delivery", "10", "95"}, {"filename", "Artifacts dropped", "5", "20"},
            {"domain|ip", "Network activity", "2", "85"}, {"filename|sha256", "Payload delivery", "1", "90"}};
    /** The category the generated data gives a type ({@link #TYPES}); "Other" for a type it does not generate. */
    static String categoryOf(String type) {
        for (String[] t : TYPES) {
            if (t[0].equals(type)) {
                return t[1];
            }
        }
        return "Other";
    }

    private static final String[] WORDS = {"secure", "update", "login", "cdn", "mail", "cloud", "portal", "account",
            "verify", "office", "docs", "service", "auth", "sync", "static", "api", "news", "shop", "support", "track",
            "invoice", "delivery", "bank", "wallet", "drive", "share", "meeting", "hr", "payroll", "vpn"};
    private static final String[] TLDS = {"com", "net", "org", "info", "top", "xyz", "ru", "cn", "jp", "io", "biz",
            "online", "site", "co.jp", "ne.jp"};
    private static final int[] FIRST_OCTETS = {5, 23, 31, 37, 45, 46, 62, 77, 78, 80, 82, 85, 89, 91, 93, 94, 103,
            104, 109, 141, 146, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217};
    private static final String[] EXTENSIONS = {".exe", ".dll", ".docm", ".xlsm", ".js", ".lnk", ".zip", ".iso",
            ".pdf.exe", ".hta", ".vbs"};
    private static final String[] ACTORS = {"APT28", "Lazarus Group", "APT10", "BlackTech", "Kimsuky", "TA505",
            "FIN7", "MirrorFace", "Sandworm", "Tick"};
    private static final String[] FAMILIES = {"LockBit", "BlackCat", "Emotet", "Qakbot", "IcedID", "AgentTesla",
            "PlugX", "Cobalt Strike", "AsyncRAT", "Akira"};
    private static final String[] SECTORS_EN = {"financial", "healthcare", "manufacturing", "government", "telecom",
            "energy", "logistics", "education"};
    private static final String[] SECTORS_JA = {"金融", "医療", "製造", "行政", "通信", "エネルギー", "物流", "教育"};
    private static final String[] REGIONS_EN = {"Japan", "East Asia", "Europe", "North America", "Southeast Asia"};
    private static final String[] REGIONS_JA = {"日本", "東アジア", "欧州", "北米", "東南アジア"};
    private static final String[] BRANDS = {"Microsoft 365", "a major bank", "a delivery company", "a cloud provider",
            "an e-commerce site"};
    private static final String[] BRANDS_JA = {"Microsoft 365", "大手銀行", "宅配業者", "クラウド事業者", "通販サイト"};
    private static final String[] COMMENTS = {"", "", "", "C2 server", "Dropper hash", "Observed in phishing e-mail",
            "Payload download location", "観測されたC2サーバ", "添付ファイルのハッシュ", "フィッシングメールの送信元"};
    private static final String[] EVENT_EXTRA_TAGS = {"type:OSINT", "misp-galaxy:threat-actor=\"%s\"",
            "kill-chain:Delivery", "ecsirt:malicious-code=\"ransomware\"",
            "estimative-language:likelihood-probability=\"likely\""};
    private static final String[] ATTRIBUTE_TAGS = {"tlp:amber", "kill-chain:Command and Control",
            "false-positive:risk=\"low\"", "confidence-level:confidence=\"high\""};

    /** Fixed demo values (documentation address ranges and the reserved .example domain). */
    public static final String SHARED_IP = "203.0.113.77";
    public static final String SHARED_IP_COMPOSITE_DOMAIN = "cdn-sync.example.org";
    public static final String SHARED_DOMAIN = "update-check.alliance-demo.example";
    public static final String SHARED_SHA256 = "9f2b5c1e4d7a8b3c6e0f1a2d5b8c7e4f3a6d9b2c5e8f1a4d7b0c3e6f9a2d5b8c";
    public static final String RED_ONLY_IP = "198.51.100.23";

    private final Settings settings;
    private final SplittableRandom rnd;

    private DataGenerator(Settings settings) {
        this.settings = settings;
        this.rnd = new SplittableRandom(settings.seed());
    }

    /** Fills the stores (one per organisation, in order) and returns the planted demo values. */
    public static List<WellKnownValue> generate(Settings settings, List<MispStore> stores) {
        return new DataGenerator(settings).run(stores);
    }

    private List<WellKnownValue> run(List<MispStore> stores) {
        int n = stores.size();
        long perOrgShared = Math.round(settings.eventsPerInstance() * (double) settings.attributesPerEvent()
                * settings.sharedShare());
        int poolSize = (int) Math.max(8, Math.min(1_000_000, perOrgShared));
        String[][] pool = new String[poolSize][];
        for (int i = 0; i < poolSize; i++) {
            String[] t = pickType();
            pool[i] = new String[]{t[0], value(t[0])};
        }
        List<WellKnownValue> known = plantWellKnown(stores);
        for (int o = 0; o < n; o++) {
            MispStore store = stores.get(o);
            for (int e = 0; e < settings.eventsPerInstance(); e++) {
                EventDraft ev = event(store.owner());
                for (int a = 0; a < settings.attributesPerEvent(); a++) {
                    String[] t;
                    String value;
                    if (rnd.nextDouble() < settings.sharedShare()) {
                        String[] p = pool[rnd.nextInt(poolSize)];
                        t = typeRow(p[0]);
                        value = p[1];
                    } else {
                        t = pickType();
                        value = value(t[0]);
                    }
                    ev.attributes.add(attribute(ev, t, value));
                }
                store.addEvent(ev);
                if (n > 1 && rnd.nextDouble() < settings.syncShare()) {
                    stores.get((o + 1) % n).addEvent(ev);
                }
            }
        }
        return known;
    }

    private List<WellKnownValue> plantWellKnown(List<MispStore> stores) {
        int n = stores.size();
        MispStore a = stores.get(0);
        MispStore b = stores.get(Math.min(1, n - 1));
        MispStore c = stores.get(Math.min(2, n - 1));
        List<WellKnownValue> out = new ArrayList<>();

        EventDraft domainA = event(a.owner());
        domainA.info = "Alliance demo: phishing kit update server / 同盟デモ: フィッシングキット更新サーバ";
        setTlp(domainA, "tlp:green");
        domainA.attributes.add(attribute(domainA, typeRow("domain"), SHARED_DOMAIN));
        domainA.attributes.add(attribute(domainA, typeRow("url"), "https://" + SHARED_DOMAIN + "/kit/update.php"));
        a.addEvent(domainA);

        EventDraft ipA = event(a.owner());
        ipA.info = "Alliance demo: scanning and brute-force source / 同盟デモ: スキャン元IPアドレス";
        setTlp(ipA, "tlp:green");
        ipA.attributes.add(attribute(ipA, typeRow("ip-dst"), SHARED_IP));
        a.addEvent(ipA);

        EventDraft domainB = event(b.owner());
        domainB.info = "Alliance demo: C2 relay seen by " + b.owner().name();
        setTlp(domainB, "tlp:amber");
        domainB.attributes.add(attribute(domainB, typeRow("domain"), SHARED_DOMAIN));
        domainB.attributes.add(attribute(domainB, typeRow("domain|ip"), SHARED_IP_COMPOSITE_DOMAIN + "|" + SHARED_IP));
        domainB.attributes.add(attribute(domainB, typeRow("sha256"), SHARED_SHA256));
        if (b != a) {
            b.addEvent(domainB);
        }
        if (c != a && c != b) {
            c.addEvent(domainA); // synchronised copy: same uuids, Orgc stays org-a
            EventDraft hashC = event(c.owner());
            hashC.info = "添付ファイル型マルウェアの配布 (同盟デモ)";
            setTlp(hashC, "tlp:green");
            hashC.attributes.add(attribute(hashC, typeRow("filename|sha256"), "invoice_2026.pdf.exe|"
                    + SHARED_SHA256));
            c.addEvent(hashC);
        }

        EventDraft red = event(a.owner());
        red.info = "Alliance demo: restricted incident (tlp:red) / 限定共有インシデント";
        setTlp(red, "tlp:red");
        red.tags.add(new TagDraft("PAP:RED"));
        red.attributes.add(attribute(red, typeRow("ip-src"), RED_ONLY_IP));
        a.addEvent(red);

        List<String> ab = distinct(a, b);
        List<String> abc = distinct(a, b, c);
        out.add(new WellKnownValue("shared-ip", "ip-dst", SHARED_IP, ab,
                "ip-dst at " + a.owner().name() + "; second half of a domain|ip at " + b.owner().name()));
        out.add(new WellKnownValue("shared-domain", "domain", SHARED_DOMAIN, abc,
                "own events at " + a.owner().name() + " and " + b.owner().name() + "; " + c.owner().name()
                        + " holds a synchronised copy of " + a.owner().name() + "'s event (same uuids)"));
        out.add(new WellKnownValue("shared-sha256", "sha256", SHARED_SHA256, distinct(b, c),
                "sha256 at " + b.owner().name() + "; second half of a filename|sha256 at " + c.owner().name()));
        out.add(new WellKnownValue("red-only", "ip-src", RED_ONLY_IP, List.of(a.owner().name()),
                "only in a tlp:red / PAP:RED event"));
        return out;
    }

    private static List<String> distinct(MispStore... stores) {
        List<String> names = new ArrayList<>();
        for (MispStore s : stores) {
            if (!names.contains(s.owner().name())) {
                names.add(s.owner().name());
            }
        }
        return List.copyOf(names);
    }

    private static void setTlp(EventDraft e, String tlp) {
        // demo events carry exactly the TLP they are documented with: no random PAP tag that a policy would drop
        e.tags.removeIf(t -> t.name().toLowerCase(java.util.Locale.ROOT).startsWith("tlp:")
                || t.name().toLowerCase(java.util.Locale.ROOT).startsWith("pap:"));
        e.tags.add(0, new TagDraft(tlp));
    }

    private EventDraft event(Organisation orgc) {
        EventDraft e = new EventDraft();
        e.uuid = uuid();
        e.orgc = orgc;
        long ref = settings.referenceEpochSecond();
        long day = ref / 86400 - rnd.nextInt(365);
        e.dateEpochDay = day;
        e.timestamp = Math.min(ref, day * 86400 + rnd.nextInt(86400));
        e.published = rnd.nextInt(100) < 80;
        e.publishTimestamp = e.published ? Math.min(ref, e.timestamp + rnd.nextInt(3600)) : 0;
        e.distribution = rnd.nextInt(100) < 70 ? 1 : 2 + rnd.nextInt(2);
        e.threatLevelId = 1 + rnd.nextInt(4);
        e.analysis = rnd.nextInt(3);
        e.info = info();
        int tlp = rnd.nextInt(100);
        String tlpTag = tlp < 15
                ? "tlp:clear"
                : tlp < 55
                        ? "tlp:green"
                        : tlp < 83
                                ? "tlp:amber"
                                : tlp < 88
                                        ? "tlp:amber+strict"
                                        : "tlp:red";
        if (rnd.nextInt(10) == 0) {
            tlpTag = tlpTag.toUpperCase(java.util.Locale.ROOT);
        }
        e.tags.add(new TagDraft(tlpTag));
        if (rnd.nextInt(100) < 40) {
            String pap = tlpTag.equalsIgnoreCase("tlp:red") && rnd.nextInt(100) < 60
                    ? "PAP:RED"
                    : new String[]{"PAP:GREEN", "PAP:AMBER", "PAP:RED"}[rnd.nextInt(3)];
            e.tags.add(new TagDraft(pap));
        }
        if (rnd.nextInt(100) < 50) {
            String extra = EVENT_EXTRA_TAGS[rnd.nextInt(EVENT_EXTRA_TAGS.length)];
            e.tags.add(new TagDraft(String.format(extra, ACTORS[rnd.nextInt(ACTORS.length)])));
        }
        return e;
    }

    private AttributeDraft attribute(EventDraft ev, String[] type, String value) {
        AttributeDraft a = new AttributeDraft();
        a.uuid = uuid();
        a.type = type[0];
        a.category = type[1];
        a.value = value;
        a.toIds = rnd.nextInt(100) < Integer.parseInt(type[3]);
        a.deleted = rnd.nextInt(100) == 0;
        a.distribution = 5;
        a.timestamp = Math.max(0, ev.timestamp - rnd.nextInt(86400));
        a.comment = COMMENTS[rnd.nextInt(COMMENTS.length)];
        if (rnd.nextInt(100) < 8) {
            a.tags.add(new TagDraft(ATTRIBUTE_TAGS[rnd.nextInt(ATTRIBUTE_TAGS.length)]));
        }
        return a;
    }

    private String info() {
        boolean ja = rnd.nextInt(100) < 35;
        int template = rnd.nextInt(6);
        String actor = ACTORS[rnd.nextInt(ACTORS.length)];
        String family = FAMILIES[rnd.nextInt(FAMILIES.length)];
        int sector = rnd.nextInt(SECTORS_EN.length);
        int region = rnd.nextInt(REGIONS_EN.length);
        int brand = rnd.nextInt(BRANDS.length);
        String cve = "CVE-20" + (20 + rnd.nextInt(7)) + "-" + (1000 + rnd.nextInt(50000));
        LocalDate date = LocalDate.ofEpochDay(settings.referenceEpochSecond() / 86400 - rnd.nextInt(365));
        if (ja) {
            return switch (template) {
                case 0 -> REGIONS_JA[region] + "の" + SECTORS_JA[sector] + "分野を狙ったフィッシングキャンペーン";
                case 1 -> family + "ランサムウェアによる侵入事案（" + SECTORS_JA[sector] + "）";
                case 2 -> actor + "のC2インフラを観測 (" + date + ")";
                case 3 -> BRANDS_JA[brand] + "を装った認証情報窃取サイト";
                case 4 -> cve + "を悪用した攻撃の観測";
                default -> family + "の配布キャンペーン 第" + (1 + rnd.nextInt(40)) + "波";
            };
        }
        return switch (template) {
            case 0 -> actor + " phishing campaign targeting the " + SECTORS_EN[sector] + " sector in "
                    + REGIONS_EN[region];
            case 1 -> family + " ransomware intrusion at a " + SECTORS_EN[sector] + " organisation";
            case 2 -> "C2 infrastructure of " + actor + " observed on " + date;
            case 3 -> "Credential harvesting pages impersonating " + BRANDS[brand];
            case 4 -> "Exploitation of " + cve + " against internet-facing appliances";
            default -> "OSINT - " + family + " distribution wave " + (1 + rnd.nextInt(40));
        };
    }

    private String[] pickType() {
        int total = 0;
        for (String[] t : TYPES) {
            total += Integer.parseInt(t[2]);
        }
        int r = rnd.nextInt(total);
        for (String[] t : TYPES) {
            r -= Integer.parseInt(t[2]);
            if (r < 0) {
                return t;
            }
        }
        return TYPES[0];
    }

    private static String[] typeRow(String type) {
        for (String[] t : TYPES) {
            if (t[0].equals(type)) {
                return t;
            }
        }
        throw new IllegalArgumentException(type);
    }

    private String value(String type) {
        return switch (type) {
            case "ip-dst", "ip-src" -> ip();
            case "domain" -> domain();
            case "hostname" -> WORDS[rnd.nextInt(WORDS.length)] + rnd.nextInt(100) + "." + domain();
            case "url" -> (rnd.nextBoolean() ? "https://" : "http://") + domain() + "/"
                    + WORDS[rnd.nextInt(WORDS.length)] + "/" + WORDS[rnd.nextInt(WORDS.length)]
                    + (rnd.nextBoolean() ? ".php?id=" + rnd.nextInt(100000) : ".html");
            case "email-src" -> WORDS[rnd.nextInt(WORDS.length)] + "." + rnd.nextInt(1000) + "@" + domain();
            case "md5" -> hex(32);
            case "sha1" -> hex(40);
            case "sha256" -> hex(64);
            case "filename" -> filename();
            case "domain|ip" -> domain() + "|" + ip();
            case "filename|sha256" -> filename() + "|" + hex(64);
            default -> hex(16);
        };
    }

    private String ip() {
        return FIRST_OCTETS[rnd.nextInt(FIRST_OCTETS.length)] + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "."
                + (1 + rnd.nextInt(254));
    }

    private String domain() {
        String w1 = WORDS[rnd.nextInt(WORDS.length)];
        String w2 = WORDS[rnd.nextInt(WORDS.length)];
        return w1 + "-" + w2 + rnd.nextInt(10000) + "." + TLDS[rnd.nextInt(TLDS.length)];
    }

    private String filename() {
        return WORDS[rnd.nextInt(WORDS.length)] + "_" + rnd.nextInt(10000) + EXTENSIONS[rnd.nextInt(EXTENSIONS.length)];
    }

    private String hex(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = Character.forDigit(rnd.nextInt(16), 16);
        }
        return new String(c);
    }

    private UUID uuid() {
        long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }
}
