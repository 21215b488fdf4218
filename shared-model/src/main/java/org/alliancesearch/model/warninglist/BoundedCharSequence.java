package org.alliancesearch.model.warninglist;

/** A text that stops a regular expression reading it after a number of character reads. */
final class BoundedCharSequence implements CharSequence {
    /** Thrown when the reads are used up. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final int[] budget;

    BoundedCharSequence(String text, int reads) {
        this(text, new int[]{reads});
    }

    private BoundedCharSequence(String text, int[] budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedCharSequence(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
