package nl.proeftuin.core.api.monitor;

import java.util.List;

/**
 * A distribution of whole numbers (days, people, handovers) in fixed buckets.
 *
 * @param count   how many values
 * @param median  the median, or null without values
 * @param p90     the 90th percentile (nearest rank), or null without values
 * @param mean    the mean, or null without values
 * @param buckets the fixed buckets, in order, also those with no values
 */
public record Distribution(int count, Double median, Double p90, Double mean, List<DistributionBucket> buckets) {

}
