/**
 * The municipality's part in a case (issue 14, decision 0033): its inbox of <i>maatwerk</i> and care
 * requests, its decisions with reasons and the objection term, its decision term (Awb), the overdue
 * alerts addressed to it and to a case's fixed professional, and the decision times per municipality.
 *
 * Provided by the core (provider types) to its REST layer and web UI; plugins do not use this package.
 */
@Export
@Version("1.1.0")
package nl.proeftuin.core.api.municipal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
