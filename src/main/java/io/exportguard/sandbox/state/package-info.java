/** The sandbox's mutable account state: export tasks as they progress and the objects in each bucket. */
package io.exportguard.sandbox.state;
