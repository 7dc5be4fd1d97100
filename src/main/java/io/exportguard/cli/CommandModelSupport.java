package io.exportguard.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
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
   * picocli's help subcommand, only built when the command line does not name a sibling (help
   * itself, usage, a typo), where the whole tree is listed. Its model is what picocli reads from
   * the class's annotations (CommandModelsTest compares the two), built without reading them: that
   * costs a {@code --help} or {@code --version} some 40 ms (annotation proxies spun at run time).
   * Its two fields are private to picocli, so the arguments reach them by reflection.
   */
  static CommandLine helpCommand() {
    HelpCommand help = new HelpCommand();
    CommandSpec s = CommandSpec.wrapWithoutInspection(help, FACTORY);
    s.name("help");
    s.helpCommand(true);
    UsageMessageSpec u = s.usageMessage();
    u.header("Display help information about the specified command.");
    u.synopsisHeading("%nUsage: ");
    u.description("%nWhen no COMMAND is given, the usage help for the main command is displayed.",
        "If a COMMAND is specified, the help for that command is shown.%n");
    Holder scope = new Holder(help);
    PrivateField helpRequested = new PrivateField(help, "helpRequested");
    s.add(OptionSpec.builder(new String[] {"-h", "--help"})
        .usageHelp(true)
        .type(boolean.class)
        .arity(range("0", true))
        .paramLabel("<helpRequested>")
        .description("Show usage help for the help command and exit.")
        .descriptionKey("helpCommand.help")
        .prompt("")
        .withToString("field boolean picocli.CommandLine$HelpCommand.helpRequested")
        .getter(helpRequested).setter(helpRequested).scope(scope)
        .initialValue(false)
        .build());
    PrivateField commands = new PrivateField(help, "commands");
    s.add(PositionalParamSpec.builder()
        .index(range("0", false))
        .type(String.class)
        .arity(range("0..1", false))
        .paramLabel("COMMAND")
        .description("The COMMAND to display the usage help message for.")
        .descriptionKey("helpCommand.command")
        .prompt("")
        .withToString("field String picocli.CommandLine$HelpCommand.commands")
        .getter(commands).setter(commands).scope(scope)
        .build());
    return new CommandLine(s, FACTORY);
  }

  /** A private field of one of picocli's own classes, as an argument's binding. */
  private static final class PrivateField implements CommandLine.Model.IGetter, CommandLine.Model.ISetter {
    private final Object owner;
    private final java.lang.reflect.Field field;

    PrivateField(Object owner, String name) {
      this.owner = owner;
      try {
        field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(owner.getClass().getName() + " has no field " + name, e);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      try {
        return (T) field.get(owner);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public <T> T set(T value) {
      T old = get();
      try {
        field.set(owner, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      return old;
    }
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

  /**
   * The types of picocli's built-in converters no option here has (JDBC, and java.time but Duration).
   * picocli registers those converters by reflection in every CommandLine, initialising each class;
   * its property {@code picocli.converters.excludes} leaves them out (CommandModelSource refuses an
   * option of such a type).
   */
  static final String UNUSED_CONVERTERS = "java\\.sql\\..*|java\\.time\\.(?!Duration$).*";

  /** Leaves {@link #UNUSED_CONVERTERS} out of the CommandLines made from now on, unless the property is set. */
  static void skipUnusedConverters() {
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
    }
  }

  static Range range(String value, boolean unspecified) {
    Range r = Range.valueOf(value);
    return unspecified ? r.unspecified(true) : r;
  }

  /**
   * One value, read and written by picocli: the object whose fields a command's or mixin's options
   * set (an argument's scope), or the value of one of picocli's standard help options, kept here.
   */
  static final class Holder implements CommandLine.Model.IScope {
    private Object value;

    Holder(Object value) {
      this.value = value;
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
