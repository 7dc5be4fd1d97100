package io.exportguard.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Range;

/**
 * What the generated {@link CommandModels} share: the factory, the scope of a command's fields,
 * arity ranges, picocli's help subcommand, and a path converter without reflection.
 */
final class CommandModelSupport {
  private CommandModelSupport() {}

  /**
   * Makes what picocli asks for while parsing. The commands are built by {@code new}; picocli asks
   * for collections when a repeatable option is given, and for the help subcommand. Anything else
   * goes to picocli's own factory, which is made only then (its set-up looks for Groovy).
   */
  static final CommandLine.IFactory FACTORY = new CommandLine.IFactory() {
    @Override
    @SuppressWarnings("unchecked")
    public <K> K create(Class<K> type) throws Exception {
      if (type == List.class || type == ArrayList.class) return (K) new ArrayList<Object>();
      if (type == HelpCommand.class) return (K) new HelpCommand();
      return CommandLine.defaultFactory().create(type);
    }
  };

  /**
   * picocli's help subcommand, read from its annotations: only built when the command line does not
   * name a sibling (help itself, usage, a typo), where the whole tree is listed.
   */
  static CommandLine helpCommand() {
    return new CommandLine(HelpCommand.class, FACTORY);
  }

  /**
   * Paths as picocli's own converter makes them ({@code Paths.get}, which it calls by reflection: on
   * JDK 18 and newer the first reflective call spins method-handle code, milliseconds of start-up),
   * failing with the same message.
   */
  static final CommandLine.ITypeConverter<Path> PATHS = new PathConverter();

  private static final class PathConverter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String text) {
      try {
        return Paths.get(text);
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException(String.format("cannot convert '%s' to %s (%s)", text, Path.class, e));
      }
    }
  }

  static Range range(String value, boolean unspecified) {
    Range r = Range.valueOf(value);
    return unspecified ? r.unspecified(true) : r;
  }

  /** The object whose fields a command's or mixin's options set (picocli's scope of an argument). */
  static final class Scope implements CommandLine.Model.IScope {
    private Object target;

    Scope(Object target) {
      this.target = target;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) target;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) {
      T old = (T) target;
      target = value;
      return old;
    }
  }

  /** A value kept in the binding itself, starting at the field's initial value (picocli's standard help options). */
  static final class Value implements CommandLine.Model.IGetter, CommandLine.Model.ISetter {
    private Object value;

    Value(Object initial) {
      value = initial;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T newValue) {
      T old = (T) value;
      value = newValue;
      return old;
    }
  }
}
