package org.alliancesearch.portal.extract.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.indicator.ExtractedIndicator;
import org.alliancesearch.model.indicator.IocExtractor;
import org.alliancesearch.portal.extract.config.ExtractConfig;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Finds indicators in pasted text or in a report fetched by URL, for the analyst to confirm before searching. Nothing
 * is sent to members here: the search that follows is an ordinary search.
 */
@ApplicationScoped
public class ExtractService {
    private static final Logger LOG = Logger.getLogger(ExtractService.class);

    /** The text read, at most (the same bound as text pasted into a search). */
    public static final int MAX_TEXT = 1_000_000;

    private final ReportFetcher fetcher;
    private final FetchRateLimiter limiter;
    private final ExtractConfig config;
    private final Vertx vertx;

    public ExtractService(ReportFetcher fetcher, FetchRateLimiter limiter, ExtractConfig config, Vertx vertx) {
        this.fetcher = fetcher;
        this.limiter = limiter;
        this.config = config;
        this.vertx = vertx;
    }

    /** The indicators in the text (defanged forms understood), each once, in order of appearance. */
    public static List<FoundIndicator> fromText(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String limited = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Map<String, FoundIndicator> found = new LinkedHashMap<>();
        for (ExtractedIndicator i : IocExtractor.extract(limited)) {
            found.putIfAbsent(i.value(), new FoundIndicator(i.value(), i.kind().mispType()));
        }
        return List.copyOf(found.values());
    }

    /**
     * Fetches the report for the user (counted against the fetch rate limit) and finds its indicators. Parsing and
     * extraction run on a worker thread. The log names the user, the host and the outcome, never the URL (its query
     * may carry a token).
     *
     * @return the extraction, or fails with {@link FetchRefusedException}
     */
    public Uni<Extraction> fromUrl(String url, String subject) {
        String host = ReportFetcher.hostOf(url);
        if (!config.fetch().enabled()) {
            return Uni.createFrom().failure(new FetchRefusedException(FetchRefusal.DISABLED, host));
        }
        try {
            limiter.acquire(subject);
        } catch (FetchRefusedException e) {
            LOG.infof("Report fetch by %s refused: %s", subject, e.reason().code());
            return Uni.createFrom().failure(e);
        }
        return fetcher.fetch(url)
                .flatMap(report -> Uni.createFrom().completionStage(() -> vertx.executeBlocking(() -> {
                    ReportText.Read read = ReportText.read(report);
                    Extraction.Source source = new Extraction.Source(report.url(), report.finalUrl(), report.host(),
                            read.title(), report.contentType(), report.body().length, report.redirects());
                    return new Extraction(fromText(read.text()), source);
                }, false).toCompletionStage()))
                .invoke(x -> LOG.infof("Report fetch by %s from host %s: %s, %d bytes, %d redirects, %d indicators",
                        subject, x.source().host(), x.source().contentType(), x.source().bytes(),
                        x.source().redirects(), x.indicators().size()))
                .onFailure(FetchRefusedException.class).invoke(e -> {
                    FetchRefusedException r = (FetchRefusedException) e;
                    LOG.infof("Report fetch by %s from host %s refused: %s %s", subject,
                            r.host().isEmpty() ? host : r.host(), r.reason().code(), r.detail());
                });
    }
}
