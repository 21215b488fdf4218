package org.alliancesearch.model.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.alliancesearch.model.merge.MergedResult;

/** One export format of a merged result. Implementations are immutable and thread-safe. */
public interface ResultExport {
    /** The media type to send, with charset where it applies. */
    String mediaType();

    /** The file name extension, without the dot. */
    String fileExtension();

    /**
     * Writes the export with the summary of the searched values where the format has room for it; does not close
     * the stream.
     */
    void write(MergedResult result, ExportSummary summary, OutputStream out) throws IOException;

    /** Writes the export of the records alone; does not close the stream. */
    default void write(MergedResult result, OutputStream out) throws IOException {
        write(result, ExportSummary.NONE, out);
    }

    /** The export as bytes. */
    default byte[] toBytes(MergedResult result) {
        return toBytes(result, ExportSummary.NONE);
    }

    /** The export with the summary as bytes. */
    default byte[] toBytes(MergedResult result, ExportSummary summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            write(result, summary, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
