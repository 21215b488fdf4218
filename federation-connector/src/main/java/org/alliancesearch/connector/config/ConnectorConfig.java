package org.alliancesearch.connector.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the federation connector; every value has a default suited to a production alliance. */
@ConfigMapping(prefix = "alliance.connector")
public interface ConnectorConfig {

    /** Timeout of one HTTP call to a member (one page of one batch), unless the member sets its own. */
    @WithDefault("10s")
    Duration timeout();

    /** Overall deadline of a federated search: members still running then are reported as TIMEOUT (or PARTIAL). */
    @WithDefault("15s")
    Duration deadline();

    /** TCP connect timeout to a member. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Attributes asked per page ({@code limit}); MISP operators advise a limit on every search. */
    @WithDefault("1000")
    int pageSize();

    /** The most attributes taken from one member for one search (lowered further by the query's own limit). */
    @WithDefault("10000")
    int maxResultsPerMember();

    /** Hard cap on the (decompressed) bytes read from one member answer; beyond it the read ends as PARTIAL. */
    @WithDefault("67108864")
    long maxResponseBytes();

    /**
     * Bytes (decompressed) read from one member for one search, all its pages and value batches together (32 MiB).
     * Past it the member's read stops: status PARTIAL with what was read, the other members keep answering.
     */
    @WithDefault("33554432")
    long memberBudgetBytes();

    /**
     * Bytes (decompressed) read for one search from all members together (256 MiB). Past it every member still reading
     * stops: status PARTIAL with what it sent.
     */
    @WithDefault("268435456")
    long searchBudgetBytes();

    /**
     * {@code attributes/restSearch} calls one search may make, all members, batches, pages and retries together. A
     * member that still wants a page past it is PARTIAL with what it sent.
     */
    @WithDefault("200")
    int searchPageBudget();

    /** Longest string kept of each record: beyond it a string is cut and the record counted as truncated. */
    Strings strings();

    /**
     * Whether members are asked to compress their answers ({@code Accept-Encoding: gzip}, as PyMISP asks; otherwise
     * {@code identity}). Compressed answers are many times smaller on the wire, but each member spends CPU on every
     * record it compresses (in the benchmarks about 3.6 µs per record at gzip level 6, more than the portal spends
     * reading it) and the portal a little inflating it. Turn it off for an alliance whose members sit on a fast
     * network. A member that compresses anyway is still read, its decompressed bytes counted against the budgets.
     */
    @WithDefault("true")
    boolean compressedAnswers();

    /** Value batches of one search sent at the same time to the same member. */
    @WithDefault("2")
    int batchConcurrency();

    /**
     * Members asked at the same time by one search; the others wait their turn in registration order. {@code 0} (the
     * default) asks every member at once; {@code 1} asks one member after another (a baseline for benchmarks, not a
     * production setting).
     */
    @WithDefault("0")
    int memberConcurrency();

    /** Bulkhead per member. */
    Bulkhead bulkhead();

    /** Circuit breaker per member. */
    CircuitBreaker circuitBreaker();

    /** Retry of transient failures (connect errors, HTTP 429/502/503/504). */
    Retry retry();

    /** Optional short-lived answer cache per (member, normalised query); off by default. */
    Cache cache();

    /** Health statistics per member. */
    Health health();

    /** The event search ({@code events/restSearch}); the other settings (timeouts, budgets, guards) apply as well. */
    Events events();

    /**
     * Caps of the event search. A MISP event can hold hundreds of thousands of attributes: every event is read
     * attribute by attribute and only what fits these caps is kept.
     */
    interface Events {
        /** Events asked per page ({@code limit}). */
        @WithDefault("20")
        int pageSize();

        /** The most events taken from one member for one search. */
        @WithDefault("200")
        int maxEventsPerMember();

        /** The most attributes taken from one member for one search, all its events together. */
        @WithDefault("20000")
        int maxAttributesPerMember();

        /**
         * The most attributes kept of one event: beyond it the event is kept with its first attributes, the rest are
         * read past (never held) and the member's {@code truncated} count grows by one event.
         */
        @WithDefault("5000")
        int maxAttributesPerEvent();
    }

    /**
     * Caps on each record's strings (in characters). MISP holds long URLs, user agents and text values, so the value
     * cap is generous; a cut string ends with {@code …} and the member's {@code truncated} count grows by one record.
     */
    interface Strings {
        /** Attribute value (a URL, a text, a composite value). */
        @WithDefault("65536")
        int value();

        /** Attribute comment. */
        @WithDefault("8192")
        int comment();

        /** Event info (the event's title). */
        @WithDefault("8192")
        int eventInfo();

        /** Tag name. */
        @WithDefault("256")
        int tag();

        /** Organisation name (the event's creator and owner). */
        @WithDefault("256")
        int organisation();
    }

    interface Bulkhead {
        /** Requests running at the same time against one member. */
        @WithDefault("4")
        int maxConcurrent();

        /** Requests waiting for a slot; more are rejected with status REJECTED. */
        @WithDefault("8")
        int queue();
    }

    interface CircuitBreaker {
        /** Size of the rolling window of calls the failure ratio is computed over. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Share of failures in the window that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before one trial call is let through (half-open). */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close the circuit again. */
        @WithDefault("1")
        int successThreshold();
    }

    interface Retry {
        /** Retries after the first attempt. */
        @WithDefault("2")
        int maxRetries();

        /** First backoff delay; doubled on every retry. */
        @WithDefault("200ms")
        Duration initialDelay();

        /** Upper bound of one backoff delay. */
        @WithDefault("2s")
        Duration maxDelay();

        /** Random extra delay (0..jitter) added to every backoff. */
        @WithDefault("100ms")
        Duration jitter();

        /** A {@code Retry-After} longer than this is not waited for: the call fails at once. */
        @WithDefault("5s")
        Duration maxRetryAfter();
    }

    interface Cache {
        /** Keep OK answers of a member for a short time and reuse them for the same normalised query. */
        @WithDefault("false")
        boolean enabled();

        /** How long an answer is reused. */
        @WithDefault("30s")
        Duration ttl();

        /** Most answers kept (all members together); the oldest is dropped first. */
        @WithDefault("200")
        int maxEntries();
    }

    interface Health {
        /** Recent member answers kept for latency percentiles and the error rate. */
        @WithDefault("100")
        int window();
    }
}
