package io.exportguard.scan;

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
}
