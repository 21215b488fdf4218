package org.alliancesearch.demo;

/** A start-up problem with a message meant for the person running the launcher. */
public class LauncherException extends RuntimeException {
    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
