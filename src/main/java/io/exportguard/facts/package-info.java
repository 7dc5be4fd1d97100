/** The facts document (schema exportguard.facts/v1): its model and its JSON form. */
package io.exportguard.facts;
