/** The sandbox scenario: a whole simulated account, loaded from YAML and validated with key-path errors. */
package io.exportguard.sandbox.scenario;
