package io.exportguard.cloud;

/**
 * The one rule for paged listings (DESIGN.md): a listing that could not be read to its end is an
 * error, never a short list, because the item it misses could be the one that decides a check.
 */
final class Listings {
  /** The error code a gatherer records for a listing it could not finish. */
  static final String INCOMPLETE = "ListingIncomplete";

  private Listings() {}

  static ApiException incomplete(String api, String why) {
    return new ApiException(api, INCOMPLETE, "the listing could not be read to its end: " + why, false);
  }
}
