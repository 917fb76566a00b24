/**
 * The outcome of a closed case ({@code case_outcome}) and the family's experience of the help
 * ({@code family_experience}), owned by {@link nl.proeftuin.core.store.outcomes.OutcomeStore}. Issue 15
 * (cohorts). It takes the caller's {@link java.sql.Connection}.
 */
@Export
@Version("1.0.0")
package nl.proeftuin.core.store.outcomes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
