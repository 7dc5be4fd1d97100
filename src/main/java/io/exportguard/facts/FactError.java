package io.exportguard.facts;

/** A fact that could not be gathered: the area it belongs to, the API that failed, its code and message. */
public record FactError(String area, String api, String code, String message) {}
