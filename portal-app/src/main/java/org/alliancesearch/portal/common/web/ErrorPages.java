package org.alliancesearch.portal.common.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Error pages for people (the API answers with problem documents instead). */
@CheckedTemplate(basePath = "ErrorPages")
public final class ErrorPages {
    private ErrorPages() {
    }

    public static native TemplateInstance forbidden(PageContext ctx);

    public static native TemplateInstance notFound(PageContext ctx);

    public static native TemplateInstance internalError(PageContext ctx, String detail);

    /** Stand-alone (no navigation: nothing behind it can be reached without signing in). */
    public static native TemplateInstance signInUnavailable(String lang, String path);
}
