package io.exportguard.facts;

import java.nio.file.Path;

/** The source of {@code eval}: one facts document saved earlier (by {@code preflight --save-facts}). */
public final class SavedFactsSource implements FactsSource {
  private final TargetFacts facts;

  private SavedFactsSource(TargetFacts facts) { this.facts = facts; }

  /** Reads and checks the file now, so a bad one is reported before anything else runs. */
  public static SavedFactsSource load(Path file) throws FactsFormatException {
    return new SavedFactsSource(TargetFacts.of(FactsJson.load(file)));
  }

  @Override
  public void deliver(Sink sink) { sink.target(facts); }
}
