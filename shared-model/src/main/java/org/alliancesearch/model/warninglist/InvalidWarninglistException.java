package org.alliancesearch.model.warninglist;

/**
 * A warninglist file that cannot be used. The code is stable (callers turn it into text); the detail names what is
 * wrong in the file's own terms (an entry, a field) and holds no text of ours to translate.
 */
public final class InvalidWarninglistException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Code {
        NOT_JSON, NOT_AN_OBJECT, NAME_MISSING, NAME_TOO_LONG, DESCRIPTION_MISSING, VERSION_INVALID, TYPE_UNKNOWN, CATEGORY_UNKNOWN, MATCHING_ATTRIBUTES_INVALID, ENTRIES_MISSING, TOO_MANY_ENTRIES, ENTRY_INVALID, CIDR_INVALID, REGEX_INVALID
    }

    private final Code code;
    private final String detail;

    public InvalidWarninglistException(Code code, String detail) {
        super(code + (detail == null ? "" : ": " + detail));
        this.code = code;
        this.detail = detail;
    }

    public Code code() {
        return code;
    }

    /** The entry or field at fault, or null. */
    public String detail() {
        return detail;
    }
}
