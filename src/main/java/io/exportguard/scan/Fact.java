package io.exportguard.scan;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value a scanned file declares: known (possibly null: "not set"), or unknown with the reason a
 * reader can act on ("known only after apply: alicloud_image.web.id", "parameter Bucket has no
 * value: pass --parameters"). Unknown is never the same as empty.
 */
public final class Fact<T> {
  private static final Fact<?> NULL = new Fact<>(null, null);

  private final T value;
  private final String unknownReason;

  private Fact(T value, String unknownReason) {
    this.value = value;
    this.unknownReason = unknownReason;
  }

  public static <T> Fact<T> known(T value) {
    @SuppressWarnings("unchecked")
    Fact<T> none = (Fact<T>) NULL;
    return value == null ? none : new Fact<>(value, null);
  }

  public static <T> Fact<T> unknown(String reason) {
    return new Fact<>(null, Objects.requireNonNull(reason, "an unknown value needs a reason"));
  }

  public boolean isKnown() { return unknownReason == null; }

  /** Known and not null. */
  public boolean isPresent() { return unknownReason == null && value != null; }

  /** The value; null when unknown or not set. */
  public T value() { return value; }

  /** Why it is unknown; null when known. */
  public String reason() { return unknownReason; }

  /** The value, or {@code fallback} when it is known to be unset; unknown stays unknown. */
  public Fact<T> orElse(T fallback) {
    return isKnown() && value == null ? known(fallback) : this;
  }

  public <R> Fact<R> map(Function<T, R> f) {
    return isKnown() ? known(value == null ? null : f.apply(value)) : unknown(unknownReason);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fact<?> f && Objects.equals(value, f.value) && Objects.equals(unknownReason, f.unknownReason);
  }

  @Override
  public int hashCode() { return Objects.hash(value, unknownReason); }

  @Override
  public String toString() { return isKnown() ? String.valueOf(value) : "(unknown: " + unknownReason + ")"; }
}
