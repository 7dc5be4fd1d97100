/** Injected faults: errors (always, the first N times, or with a seeded probability), latency, throttling and hangs. */
package io.exportguard.sandbox.faults;
