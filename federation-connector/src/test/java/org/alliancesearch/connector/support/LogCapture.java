package org.alliancesearch.connector.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures every log record (all levels, all loggers) with its parameters and stack traces, as text. */
public final class LogCapture extends Handler {
    private static final Formatter FORMAT = new SimpleFormatter();
    private final List<String> lines = new ArrayList<>();

    public static LogCapture install() {
        LogCapture c = new LogCapture();
        c.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(c);
        return c;
    }

    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder sb = new StringBuilder(record.getLoggerName() + " " + FORMAT.formatMessage(record));
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                sb.append(' ').append(p);
            }
        }
        if (record.getThrown() != null) {
            StringWriter w = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(w));
            sb.append(' ').append(w);
        }
        lines.add(sb.toString());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
