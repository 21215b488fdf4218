package org.alliancesearch.portal.extract.service;

/** Why a report was not fetched: a stable code (the problem's field-error code) and the API's HTTP status. */
public enum FetchRefusal {
    /** Neither a URL nor text, or both. */
    URL_OR_TEXT("extract.url-or-text", 400), INVALID("url.invalid", 400), SCHEME("url.scheme", 400), USERINFO(
            "url.userinfo", 400), DISABLED("url.fetch-disabled", 422), UNRESOLVED("url.unresolved",
                    422), PRIVATE_ADDRESS("url.private-address", 422), UNREACHABLE("url.unreachable",
                            422), TIMEOUT("url.timeout", 422), TOO_LARGE("url.too-large",
                                    422), UNSUPPORTED_TYPE("url.unsupported-type", 422), HTTP_ERROR("url.http-error",
                                            422), REDIRECTS("url.redirects", 422), UNREADABLE("url.unreadable",
                                                    422), RATE_LIMITED("url.rate-limited", 429);

    private final String code;
    private final int status;

    FetchRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
