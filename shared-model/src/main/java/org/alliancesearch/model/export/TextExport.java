package org.alliancesearch.model.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.MergedResult;

/**
 * Plain text for block lists: one distinct value per line (LF), in result order. A value holding a control character
 * (a line break from a hostile member would inject a second entry into a block list) is left out.
 */
public final class TextExport implements ResultExport {
    @Override
    public String mediaType() {
        return "text/plain; charset=UTF-8";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public void write(MergedResult result, ExportSummary summary, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        Set<String> written = new HashSet<>();
        for (MergedIndicator i : result.indicators()) {
            String v = i.value();
            if (v.isEmpty() || hasControl(v) || !written.add(v)) {
                continue;
            }
            w.write(v);
            w.write('\n');
        }
        w.flush();
    }

    static boolean hasControl(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return true;
            }
        }
        return false;
    }
}
