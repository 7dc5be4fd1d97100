package io.exportguard.cloud;

import io.exportguard.facts.Area;
import io.exportguard.facts.FactError;
import io.exportguard.facts.Skipped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects, from many gathering threads, the facts that could not be gathered and the areas skipped. */
final class FactSink {
  private final List<FactError> errors = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();

  synchronized void error(Area area, ApiException e) {
    errors.add(new FactError(area.id(), e.api(), e.code(), e.getMessage()));
  }

  synchronized void error(Area area, String api, String code, String message) {
    errors.add(new FactError(area.id(), api, code, message));
  }

  synchronized void skip(Area area, String reason) {
    if (skipped.stream().noneMatch(s -> s.area().equals(area.id()))) skipped.add(new Skipped(area.id(), reason));
  }

  /** Replaces the area's errors by a skip: its calls turned out to be pointless. */
  synchronized void reclassifyAsSkipped(Area area, String reason) {
    errors.removeIf(e -> e.area().equals(area.id()));
    skip(area, reason);
  }

  synchronized boolean hasError(Area area) {
    return errors.stream().anyMatch(e -> e.area().equals(area.id()));
  }

  synchronized boolean isSkipped(Area area) {
    return skipped.stream().anyMatch(s -> s.area().equals(area.id()));
  }

  synchronized List<FactError> errors() {
    List<FactError> out = new ArrayList<>(errors);
    out.sort(Comparator.comparing((FactError e) -> Area.byId(e.area()).ordinal()).thenComparing(FactError::api));
    return out;
  }

  synchronized List<Skipped> skipped() {
    List<Skipped> out = new ArrayList<>(skipped);
    out.sort(Comparator.comparing(s -> Area.byId(s.area()).ordinal()));
    return out;
  }
}
