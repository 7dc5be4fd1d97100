/** {@code exportguard serve}: OPA's REST API (Data, Policy, Query, Health) over the embedded engine, plus preflight. */
package io.exportguard.serve;
