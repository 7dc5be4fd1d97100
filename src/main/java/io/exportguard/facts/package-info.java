/**
 * The facts document (schema exportguard.facts/v1), the Rego input: its model, its JSON form, and
 * the {@link io.exportguard.facts.FactsSource} seam through which every run's documents arrive, one
 * {@link io.exportguard.facts.TargetFacts} per target.
 */
package io.exportguard.facts;
