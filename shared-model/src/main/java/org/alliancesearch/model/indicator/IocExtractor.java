package org.alliancesearch.model.indicator;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds indicators in free text: a pasted report in English or Japanese, defanged or not. Returns each distinct
 * indicator once, in order of first appearance.
 *
 * <p>
 * Text is folded with NFKC first ({@code １．２．３．４} reads as {@code 1.2.3.4}; the ideographic full stop
 * {@code 。} is not a dot, so a sentence may end right after an indicator), then refanged. Candidates are delimited by
 * ASCII character classes only, because Japanese text has no spaces between words. Left out as noise: names whose
 * last label is not a real TLD ({@code setup.exe}, {@code report.pdf}), names ending in a TLD that is usually a file
 * extension ({@code archive.zip}, {@code README.md}) unless they were defanged, dotted quads that follow a version
 * marker ({@code v1.2.3.4}, {@code version 1.2.3.4}, {@code バージョン1.2.3.4}), and invalid addresses. The host of a
 * URL or e-mail address is not reported separately. Non-ASCII (IDN) domains are not extracted from running text:
 * their end cannot be told in Japanese text.
 */
public final class IocExtractor {
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:https?|ftp|sftp|wss?)://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+\\-])[A-Za-z0-9._%+\\-]{1,64}@"
            + "(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
            + "(?![A-Za-z0-9\\-])");
    private static final Pattern IPV4 = Pattern
            .compile("(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?:/[0-9]{1,2})?(?![0-9]|\\.[0-9])");
    private static final Pattern IPV6 = Pattern.compile("(?<![A-Za-z0-9.])(?:[0-9A-Fa-f]{0,4}:){2,7}"
            + "(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f]{0,4})(?:/[0-9]{1,3})?(?![A-Za-z0-9:])");
    private static final Pattern HASH = Pattern.compile("(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{128}|[0-9A-Fa-f]{64}"
            + "|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{32})(?![0-9A-Za-z])");
    private static final Pattern CVE = Pattern.compile("(?i)(?<![A-Za-z0-9])CVE-[0-9]{4}-[0-9]{4,7}(?![0-9])");
    private static final Pattern DOMAIN = Pattern.compile("(?<![A-Za-z0-9\\-_.@])"
            + "(?:[A-Za-z0-9_](?:[A-Za-z0-9\\-_]{0,61}[A-Za-z0-9_])?\\.)+[A-Za-z](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
            + "(?![A-Za-z0-9\\-_@]|\\.[A-Za-z0-9])");
    /** A version marker right before a dotted quad: {@code v1.2.3.4}, {@code version 1.2.3.4}, {@code Ver.1.2.3.4}. */
    private static final Pattern VERSION_BEFORE = Pattern.compile(
            "(?i)(?:(?<![A-Za-z])(?:v|ver\\.?|version|rev\\.?|release|build)|バージョン|ヴァージョン|版)\\s?[:]?\\s?$");
    /** A version marker right after: {@code 1.2.3.4版}. */
    private static final Pattern VERSION_AFTER = Pattern.compile("^(?:版|\\s?バージョン)");

    private IocExtractor() {
    }

    private record Candidate(int start, int end, ValueKind kind, String value) {
    }

    /** The distinct indicators in the text, in order of first appearance; empty for null or blank text. */
    public static List<ExtractedIndicator> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("\u200B", "").replace("\uFEFF", "");
        Refang.Refanged refanged = Refang.refangMarked(folded);
        String t = refanged.text();
        List<Candidate> candidates = new ArrayList<>();
        collect(URL, t, candidates, (start, end, s) -> url(t, start, end));
        collect(EMAIL, t, candidates, (start, end, s) -> single(start, end, Normaliser.email(s, s)));
        collect(IPV6, t, candidates, (start, end, s) -> ipv6(start, end, s));
        collect(IPV4, t, candidates, (start, end, s) -> ipv4(t, start, end, s));
        collect(HASH, t, candidates, (start, end, s) -> hash(start, end, s));
        collect(CVE, t, candidates, (start, end, s) -> single(start, end, Normaliser.cve(s, s)));
        collect(DOMAIN, t, candidates, (start, end, s) -> domain(refanged, start, end, s));

        candidates.sort(Comparator.comparingInt(Candidate::start).thenComparing(c -> -(c.end() - c.start())));
        Map<String, ExtractedIndicator> found = new LinkedHashMap<>();
        int covered = 0;
        for (Candidate candidate : candidates) {
            if (candidate.start() < covered) {
                continue;
            }
            covered = candidate.end();
            found.putIfAbsent(candidate.kind().family() + '\u0000' + candidate.value(),
                    new ExtractedIndicator(candidate.kind(), candidate.value()));
        }
        return List.copyOf(found.values());
    }

    private interface Reader {
        Candidate read(int start, int end, String match);
    }

    private static void collect(Pattern pattern, String text, List<Candidate> out, Reader reader) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            Candidate candidate = reader.read(matcher.start(), matcher.end(), matcher.group());
            if (candidate != null) {
                out.add(candidate);
            }
        }
    }

    private static Candidate single(int start, int end, NormalisationResult result) {
        return result.isValid() ? new Candidate(start, end, result.kind(), result.value()) : null;
    }

    private static Candidate url(String text, int start, int end) {
        int e = end;
        // Punctuation that ends a sentence or closes a bracket around the URL is not part of it.
        while (e > start) {
            char last = text.charAt(e - 1);
            if (".,;:!?'\"".indexOf(last) >= 0) {
                e--;
            } else if (last == ')' && count(text, start, e, '(') < count(text, start, e, ')')) {
                e--;
            } else if (last == ']' && count(text, start, e, '[') < count(text, start, e, ']')) {
                e--;
            } else {
                break;
            }
        }
        String s = text.substring(start, e);
        NormalisationResult result = Normaliser.url(s, s);
        return result.isValid() ? new Candidate(start, e, ValueKind.URL, result.value()) : null;
    }

    private static int count(String text, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static Candidate ipv4(String text, int start, int end, String s) {
        String before = text.substring(Math.max(0, start - 12), start);
        String after = text.substring(end, Math.min(text.length(), end + 7));
        if (VERSION_BEFORE.matcher(before).find() || VERSION_AFTER.matcher(after).find()) {
            return null;
        }
        return single(start, end, Normaliser.ip(s, s));
    }

    private static Candidate ipv6(int start, int end, String s) {
        NormalisationResult result = Normaliser.ip(s, s);
        return result.isValid() && result.kind() != ValueKind.IPV4 ? single(start, end, result) : null;
    }

    private static Candidate hash(int start, int end, String s) {
        if (Normaliser.isDigits(s)) {
            return null; // a long number, not a digest
        }
        ValueKind kind;
        switch (s.length()) {
            case 32 :
                kind = ValueKind.MD5;
                break;
            case 40 :
                kind = ValueKind.SHA1;
                break;
            case 64 :
                kind = ValueKind.SHA256;
                break;
            default :
                kind = ValueKind.SHA512;
                break;
        }
        return single(start, end, Normaliser.hash(s, s, kind));
    }

    private static Candidate domain(Refang.Refanged refanged, int start, int end, String s) {
        NormalisationResult result = Domains.normalise(s, s);
        if (!result.isValid()) {
            return null;
        }
        String tld = Domains.tld(result.value());
        if (!Domains.isKnownTld(tld)) {
            return null;
        }
        if (Domains.isFileLikeTld(tld) && !refanged.anyMarked(start, end)) {
            return null;
        }
        return new Candidate(start, end, ValueKind.DOMAIN, result.value());
    }
}
