package io.exportguard.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts every string inside a model before it is rendered: records (rebuilt through their
 * canonical constructor), lists, maps and Jackson trees, to any depth, whatever shape the model
 * takes. Redacting the model rather than the rendered bytes means escaping (HTML entities, JSON
 * escapes, Markdown) cannot hide a secret from the {@link Redactor}. Values of other types are kept
 * as they are; a record with nothing to redact is returned as it is.
 */
public final class RedactedValues {
  private RedactedValues() {}

  /** The value with every string redacted by the process-wide redactor. */
  public static <T> T of(T value) {
    return of(value, Redactor.process());
  }

  @SuppressWarnings("unchecked")
  public static <T> T of(T value, Redactor redactor) {
    return (T) redact(value, redactor, 0);
  }

  /** Redacts the text values of a Jackson tree in place (keys are field names, never secrets). */
  public static void inPlace(JsonNode node, Redactor redactor) {
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (e.getValue().isTextual()) {
          String clean = redactor.redact(e.getValue().textValue());
          if (clean != e.getValue().textValue()) replaced.add(Map.entry(e.getKey(), TextNode.valueOf(clean)));
        } else {
          inPlace(e.getValue(), redactor);
        }
      }
      replaced.forEach(e -> o.set(e.getKey(), e.getValue()));
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode item = a.get(i);
        if (item.isTextual()) {
          String clean = redactor.redact(item.textValue());
          if (clean != item.textValue()) a.set(i, TextNode.valueOf(clean));
        } else {
          inPlace(item, redactor);
        }
      }
    }
  }

  /** Whether redacting the tree would change a text value in it. */
  private static boolean changes(JsonNode node, Redactor redactor) {
    if (node.isTextual()) return redactor.redact(node.textValue()) != node.textValue();
    if (node.isContainerNode()) {
      for (JsonNode child : node) if (changes(child, redactor)) return true;
    }
    return false;
  }

  /** Models are shallow; anything deeper is refused rather than passed on unread. */
  private static final int MAX_DEPTH = 1_000;

  private static Object redact(Object v, Redactor r, int depth) {
    if (v == null || v instanceof AlreadyRedacted) return v;
    if (depth > MAX_DEPTH) throw new IllegalStateException("a model nested more than " + MAX_DEPTH + " deep cannot be redacted");
    if (v instanceof String s) return r.redact(s);
    if (v instanceof JsonNode n) {
      // Copied only when a text in it changes: an unchanged node keeps its record unchanged too,
      // and rebuilding a record costs a reflective constructor call (on JDK 25 ~3 ms the first time
      // per class, ~20 ms of a preflight's critical path for the facts' policy documents).
      if (!changes(n, r)) return n;
      // A text node is a leaf: inPlace redacts only what a container holds.
      if (n.isTextual()) return TextNode.valueOf(r.redact(n.textValue()));
      JsonNode copy = n.deepCopy();
      inPlace(copy, r);
      return copy;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object item : list) {
        Object clean = redact(item, r, depth + 1);
        changed |= clean != item;
        out.add(clean);
      }
      return changed ? java.util.Collections.unmodifiableList(out) : list;
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object clean = redact(e.getValue(), r, depth + 1);
        changed |= clean != e.getValue();
        out.put(e.getKey(), clean);
      }
      return changed ? java.util.Collections.unmodifiableMap(out) : map;
    }
    if (v.getClass().isRecord()) return record((Record) v, r, depth);
    return v;
  }

  private static Object record(Record rec, Redactor r, int depth) {
    boolean changed = false;
    try {
      RecordShape shape = SHAPES.get(rec.getClass());
      Object[] values = new Object[shape.components.length];
      for (int i = 0; i < values.length; i++) {
        if (shape.inert[i]) continue;
        Object before = shape.components[i].get(rec);
        values[i] = redact(before, r, depth + 1);
        changed |= values[i] != before;
      }
      if (!changed) return rec;
      for (int i = 0; i < values.length; i++) if (shape.inert[i]) values[i] = shape.components[i].get(rec);
      return shape.canonical.newInstance(values);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // A record that cannot be rebuilt is a defect of this class, never a reason to let a secret out.
      throw new IllegalStateException("cannot redact " + rec.getClass().getName() + ": "
          + (e instanceof InvocationTargetException t ? t.getCause() : e), e);
    }
  }

  /**
   * A record class's component fields and canonical constructor, looked up once per class (reports
   * hold many of each). Components are read from their fields, which hold what the canonical
   * constructor was given: a field read costs nothing to set up, while on JDK 17 an accessor
   * invoked reflectively more than 15 times has a class generated for it (~4 ms of a preflight's
   * report on its critical path, for the dozen components of 32 check results).
   */
  private record RecordShape(Field[] components, boolean[] inert, Constructor<?> canonical) {}

  /**
   * Whether a component of this declared type can hold nothing to redact (a primitive, an enum, a
   * boxed number or a time): it is not read unless the record is rebuilt. On JDK 18+ a field's
   * first reflective read sets up method handles for it (on JDK 25 ~50-100 us each, a few ms of
   * a preflight's report on its critical path), and the report's counts, enums and times are a
   * third of its components.
   */
  private static boolean inert(Class<?> type) {
    return type.isPrimitive() || type.isEnum() || type == Integer.class || type == Long.class
        || type == Boolean.class || type == Double.class || type == java.time.Instant.class
        || type == java.time.Duration.class || type == java.time.LocalDate.class;
  }

  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      RecordComponent[] parts = type.getRecordComponents();
      Field[] fields = new Field[parts.length];
      boolean[] inert = new boolean[parts.length];
      Class<?>[] types = new Class<?>[parts.length];
      try {
        for (int i = 0; i < parts.length; i++) {
          fields[i] = type.getDeclaredField(parts[i].getName());
          fields[i].setAccessible(true);
          types[i] = parts[i].getType();
          inert[i] = inert(types[i]);
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return new RecordShape(fields, inert, canonical);
      } catch (NoSuchMethodException | NoSuchFieldException e) {
        throw new IllegalStateException("cannot redact " + type.getName() + ": no canonical constructor or component field", e);
      }
    }
  };
}
