package nl.proeftuin.core.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's calendar days are Dutch days: a date the platform gives (today, the day something was
 * recorded, a deadline counted from today) is the date in Europe/Amsterdam, whatever the server's or
 * the browser's zone. Between midnight and 01:00 (02:00 in summer) the server's UTC day is still
 * yesterday; Veilig Thuis works at night. Core and plugins take their days from here.
 */
public final class DutchDay {

    /** The zone of the platform's days. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private DutchDay() {
    }

    /** The Dutch calendar day of a moment. */
    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** Today as a Dutch calendar day, by the system clock. */
    public static LocalDate today() {
        return today(Clock.systemUTC());
    }

    /** Today as a Dutch calendar day, by the given clock (whatever the clock's own zone). */
    public static LocalDate today(Clock clock) {
        return of(clock.instant());
    }
}
