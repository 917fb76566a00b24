package nl.proeftuin.core.api.monitor;

/**
 * One bucket of a {@link Distribution}.
 *
 * @param label how the bucket reads, for example {@code 8-14} or {@code 57+}
 * @param from  lowest value in the bucket (inclusive)
 * @param to    highest value in the bucket (inclusive), or null for the open last bucket
 * @param count how many values fall in it
 */
public record DistributionBucket(String label, int from, Integer to, int count) {
}
