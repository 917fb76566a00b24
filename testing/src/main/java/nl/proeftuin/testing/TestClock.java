package nl.proeftuin.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand (UTC). Thread-safe: the code under test may read it on its own threads. */
public final class TestClock extends Clock {

    /** Where {@link #TestClock()} starts. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-01T09:00:00Z");

    private volatile Instant now;

    /** A clock at {@link #DEFAULT_START}. */
    public TestClock() {
        this(DEFAULT_START);
    }

    /** @param start the first instant it tells */
    public TestClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock on. */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** @return this clock: it is always UTC, and the copies it replaced kept one instant between zones too */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
