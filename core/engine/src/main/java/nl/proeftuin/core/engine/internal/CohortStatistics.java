package nl.proeftuin.core.engine.internal;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The comparison's statistics over value histograms (value to count), as the database returns them:
 * the work grows with the number of distinct values, never with the number of cases (decision 0030).
 *
 * <ul>
 * <li>a <b>measure</b> (days, people, a score): the median per cohort, and for the difference the
 * Hodges-Lehmann shift (the median of all pairwise differences between the two cohorts) with its
 * distribution-free 95% interval (Moses; the Mann-Whitney critical rank by the normal approximation
 * with the tie correction). Deterministic: no seed, the same data always gives the same interval.</li>
 * <li>a <b>share</b> (yes/no per case): the difference of the two proportions in percentage points,
 * with Newcombe's hybrid score interval (method 10, from the two Wilson intervals), which stays inside
 * [-100, 100] and behaves with small counts and shares near 0 or 100%.</li>
 * </ul>
 */
final class CohortStatistics {
    static final double Z = 1.959963984540054;

    private CohortStatistics() {
    }

    /** A difference with its 95% interval; {@code low}/{@code high} null when the counts are too small for one. */
    record Interval(double estimate, Double low, Double high) {
    }

    static long count(SortedMap<Integer, Long> h) {
        return h.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return the median, or null without values */
    static Double median(SortedMap<Integer, Long> h) {
        long n = count(h);
        if (n == 0) {
            return null;
        }
        TreeMap<Long, Long> weights = new TreeMap<>();
        h.forEach((v, c) -> weights.merge((long) v, c, Long::sum));
        return n % 2 == 1 ? (double) kth(weights, (n + 1) / 2) : (kth(weights, n / 2) + kth(weights, n / 2 + 1)) / 2.0;
    }

    /** The k-th smallest (1-based) of a weighted set. */
    static long kth(TreeMap<Long, Long> weights, long k) {
        long seen = 0;
        for (Map.Entry<Long, Long> e : weights.entrySet()) {
            seen += e.getValue();
            if (seen >= k) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("k = " + k + " beyond " + seen);
    }

    /**
     * The shift of {@code b} against {@code a} (b minus a).
     *
     * @return null when either has no values
     */
    static Interval shift(SortedMap<Integer, Long> a, SortedMap<Integer, Long> b) {
        long m = count(a);
        long n = count(b);
        if (m == 0 || n == 0) {
            return null;
        }
        TreeMap<Long, Long> diffs = new TreeMap<>();
        for (Map.Entry<Integer, Long> x : a.entrySet()) {
            for (Map.Entry<Integer, Long> y : b.entrySet()) {
                diffs.merge((long) y.getKey() - x.getKey(), x.getValue() * y.getValue(), Long::sum);
            }
        }
        long pairs = m * n;
        double estimate = pairs % 2 == 1 ? kth(diffs, (pairs + 1) / 2)
                : (kth(diffs, pairs / 2) + kth(diffs, pairs / 2 + 1)) / 2.0;
        // the variance of the Mann-Whitney U with the tie correction over the pooled values
        Map<Integer, Long> pooled = new TreeMap<>(a);
        b.forEach((v, c) -> pooled.merge(v, c, Long::sum));
        double total = m + n;
        double ties = 0;
        for (long t : pooled.values()) {
            ties += (double) t * t * t - t;
        }
        double variance = m * (double) n / 12.0 * ((total + 1) - ties / (total * (total - 1)));
        if (total < 2 || variance <= 0) {
            return new Interval(estimate, null, null);
        }
        long k = (long) Math.floor(pairs / 2.0 - Z * Math.sqrt(variance));
        if (k < 1) {
            return new Interval(estimate, null, null);
        }
        return new Interval(estimate, (double) kth(diffs, k), (double) kth(diffs, pairs + 1 - k));
    }

    /**
     * The difference of two shares in percentage points (b minus a).
     *
     * @return null when either has no cases
     */
    static Interval shareDifference(long eventsA, long nA, long eventsB, long nB) {
        if (nA == 0 || nB == 0) {
            return null;
        }
        double p1 = eventsA / (double) nA;
        double p2 = eventsB / (double) nB;
        double[] w1 = wilson(eventsA, nA);
        double[] w2 = wilson(eventsB, nB);
        double d = p2 - p1;
        double low = d - Math.sqrt(Math.pow(p2 - w2[0], 2) + Math.pow(w1[1] - p1, 2));
        double high = d + Math.sqrt(Math.pow(w2[1] - p2, 2) + Math.pow(p1 - w1[0], 2));
        return new Interval(round(100 * d), round(100 * low), round(100 * high));
    }

    /** The Wilson score interval of a proportion: {low, high}. */
    static double[] wilson(long events, long n) {
        double p = events / (double) n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
