package org.alliancesearch.portal.common.problem;

/** The reason codes every feature uses; {@code common.i18n.CommonTexts} words them. */
public final class CommonCodes {
    /** A field left empty. */
    public static final String REQUIRED = "common.required";
    /** A field over its length limit; the limit is the argument. */
    public static final String TOO_LONG = "common.too-long";
    /** The change was based on a version no longer stored (the problem's detail). */
    public static final String STALE = "common.stale-version";
    /** The same, for the {@code version} field. */
    public static final String STALE_FIELD = "common.stale-version.field";

    private CommonCodes() {
    }
}
