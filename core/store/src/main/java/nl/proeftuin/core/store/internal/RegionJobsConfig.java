package nl.proeftuin.core.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of {@link LeasedRegionJobs} (PID {@code nl.proeftuin.core.store.internal.LeasedRegionJobs}). */
@ObjectClassDefinition(name = "Proeftuin node identity and region-wide jobs",
        description = "Which node this is, for the leases of region-wide jobs (table job_lease).")
@interface RegionJobsConfig {

    @AttributeDefinition(name = "Node id", description = "This node's id, unique in the region (letters, digits,"
            + " '.', '-', '_'; at most 100). Empty: the id generated once into data/proeftuin-node-id.")
    String nodeId() default "";
}
