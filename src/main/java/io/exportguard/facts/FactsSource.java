package io.exportguard.facts;

/**
 * Where the facts documents of a run come from: the first stage of every pipeline. Preflight's
 * source gathers one image live through the SDKs ({@code cloud.LiveImageSource}), eval's reads a
 * saved document ({@link SavedFactsSource}); an account audit enumerates many images, a static scan
 * reads plans, templates and policy files. Whatever the source, the rest of the run is the same:
 * one compiled evaluation decides each target, and one report sink collects them (see
 * {@code run.TargetPipeline}).
 *
 * <p>A source must fail closed: a fact it could not gather is an entry in that document's
 * {@code errors} (never a missing or shortened value), and a failure that belongs to no single
 * target (a region whose image listing failed) goes to {@link Sink#error}, which makes the run's
 * verdict at least {@code error}. Bad input the user can fix (an unreadable file) is thrown before
 * {@link #deliver} is called, from the source's own constructor or factory.
 */
public interface FactsSource {

  /**
   * Delivers every target's facts to the sink and returns when all are delivered. A source may
   * call the sink from several threads at once (the evaluation and the sink are thread-safe), and
   * should hand each document over as soon as it is complete rather than holding them all.
   */
  void deliver(Sink sink) throws InterruptedException;

  /** Receives what a source delivers. Implementations are thread-safe. */
  interface Sink {
    /** The complete facts of one target. */
    void target(TargetFacts facts);

    /** A failure that belongs to no single target: the run cannot claim it saw everything. */
    void error(FactError error);
  }
}
