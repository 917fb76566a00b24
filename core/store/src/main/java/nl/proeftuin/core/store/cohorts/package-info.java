/**
 * Cohorts for the pilot evaluation (issue 15): named groups of municipalities
 * ({@code municipality_group}, {@code municipality_group_member}, owned by
 * {@link nl.proeftuin.core.store.cohorts.MunicipalityGroupStore}) and the comparison's aggregations
 * over the case tables ({@link nl.proeftuin.core.store.cohorts.CohortStore}, which owns no table and
 * writes nothing). Every figure is computed by the database: counts and value histograms, never a
 * read of every case. It takes the caller's {@link java.sql.Connection}.
 */
@Export
@Version("1.2.0")
package nl.proeftuin.core.store.cohorts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
