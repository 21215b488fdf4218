package org.alliancesearch.portal.extract.service;

/**
 * A report the portal would not fetch or read. Carries the reason and its facts, no text: the API mapper and the
 * page word it in the reader's language.
 *
 * @see FetchRefusal
 */
public class FetchRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FetchRefusal reason;
    private final String host;
    private final String detail;
    private final long number;

    /**
     * @param host the host concerned (never the whole URL, which may carry a token), or null
     * @param detail a fact for the reader: the address class, the content type, "loop"; or null
     * @param number a number for the reader: the HTTP status, the byte limit, the redirect limit, the seconds to wait
     */
    public FetchRefusedException(FetchRefusal reason, String host, String detail, long number) {
        super(reason.code(), null, false, false);
        this.reason = reason;
        this.host = host;
        this.detail = detail;
        this.number = number;
    }

    public FetchRefusedException(FetchRefusal reason, String host) {
        this(reason, host, null, 0);
    }

    public FetchRefusal reason() {
        return reason;
    }

    public String host() {
        return host == null ? "" : host;
    }

    public String detail() {
        return detail == null ? "" : detail;
    }

    public long number() {
        return number;
    }
}
