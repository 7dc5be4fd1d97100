package io.exportguard.scan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jackson's object and array nodes with one mark each: where the container starts in the file it
 * was read from (what the mark means is {@link SourceFile}'s business), and which reading made it,
 * so a node of another file is never placed in this one. They compare, hash and serialize as plain
 * nodes; nodes added to them later are plain.
 */
final class MarkedNodes {
  private MarkedNodes() {}

  /** A node that knows where it starts. */
  interface Marked {
    /** The reading that made it. */
    Object owner();

    /** Where it starts, in the owner's terms; never negative. */
    long mark();
  }

  static final class MarkedObject extends ObjectNode implements Marked {
    private static final long serialVersionUID = 1L;
    private final transient Object owner;
    private final long mark;

    MarkedObject(JsonNodeFactory plain, Object owner, long mark) {
      super(plain);
      this.owner = owner;
      this.mark = mark;
    }

    @Override
    public Object owner() { return owner; }

    @Override
    public long mark() { return mark; }
  }

  static final class MarkedArray extends ArrayNode implements Marked {
    private static final long serialVersionUID = 1L;
    private final transient Object owner;
    private final long mark;

    MarkedArray(JsonNodeFactory plain, Object owner, long mark) {
      super(plain);
      this.owner = owner;
      this.mark = mark;
    }

    @Override
    public Object owner() { return owner; }

    @Override
    public long mark() { return mark; }
  }

  /**
   * The node factory Jackson's tree reader is given for one JSON file: each object and array it asks
   * for while reading is marked with the line (high 32 bits) and byte offset (low 32 bits) of the
   * parser's current token, which is the container's opening brace or bracket (the reader asks as
   * it meets it). Files are far smaller than 4 GB ({@link ScanInputs#MAX_FILE_BYTES}). The nodes themselves
   * carry the plain factory, so what code adds to the tree later is unmarked.
   */
  static final class OffsetMarking extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;
    private final transient JsonParser parser;
    private final JsonNodeFactory plain;

    OffsetMarking(JsonParser parser, JsonNodeFactory plain) {
      super(true);
      this.parser = parser;
      this.plain = plain;
    }

    @Override
    public ObjectNode objectNode() { return new MarkedObject(plain, this, here()); }

    @Override
    public ArrayNode arrayNode() { return new MarkedArray(plain, this, here()); }

    @Override
    public ArrayNode arrayNode(int capacity) { return arrayNode(); }

    private long here() {
      JsonLocation l = parser.currentTokenLocation();
      return ((long) Math.max(l.getLineNr(), 0) << 32) | (Math.max(l.getByteOffset(), 0L) & 0xffffffffL);
    }
  }
}
