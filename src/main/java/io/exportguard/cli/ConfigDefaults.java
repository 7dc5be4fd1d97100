package io.exportguard.cli;

import io.exportguard.config.ConfigException;
import io.exportguard.config.ConfigFile;
import io.exportguard.config.Spelling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration file's {@code defaults} as picocli's default values, for every option of every
 * command (whoever added it): a flag on the command line still wins. A default for a flag no
 * command has is an error naming it, where it is written, and the closest flag names.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
  private final ConfigFile config;

  private ConfigDefaults(ConfigFile config) {
    this.config = config;
  }

  /**
   * Installs the defaults of the configuration file these arguments name ({@code --config FILE}) or
   * that is found from the working directory, on the whole tree of {@code cl}. Nothing when there is none.
   */
  static void install(CommandLine cl, String[] args) throws ConfigException {
    String explicit = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) explicit = args[i + 1];
      else if (args[i].startsWith("--config=")) explicit = args[i].substring("--config=".length());
    }
    Path file = ConfigFile.locate(explicit == null ? null : Path.of(explicit), Path.of(""));
    if (file == null) return;
    ConfigFile config = ConfigFile.load(file);
    if (config.defaults().isEmpty()) return;
    // The generated list when the build checked it; else every command read from its annotations.
    Set<String> known = Main.modelsChecked() ? new TreeSet<>(List.of(CommandModels.LONG_OPTIONS))
        : knownFlags(Main.reflectiveCommandLine(new String[0]));
    for (String flag : config.defaults().keySet()) {
      if (!known.contains(flag)) {
        List<String> close = new ArrayList<>();
        for (String k : known) if (Spelling.close(flag, k)) close.add(k);
        throw new ConfigException(config.placeOf(flag) + ": unknown flag '" + flag + "' under defaults"
            + (close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)"));
      }
    }
    cl.setDefaultValueProvider(new ConfigDefaults(config));
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec o) {
      String v = config.defaults().get(o.longestName().replaceFirst("^--?", ""));
      if (v != null) return v;
    }
    return arg.defaultValue();
  }

  /**
   * The long options of every command of this tree, without their dashes: the flags a configuration
   * file may set. The generated {@link CommandModels#LONG_OPTIONS} is this for the whole tree.
   */
  static Set<String> knownFlags(CommandLine cl) {
    Set<String> known = new TreeSet<>();
    collect(cl, known);
    return known;
  }

  private static void collect(CommandLine cl, Set<String> names) {
    for (OptionSpec o : cl.getCommandSpec().options()) {
      if (o.longestName().startsWith("--")) names.add(o.longestName().substring(2));
    }
    cl.getSubcommands().values().forEach(sub -> collect(sub, names));
  }
}
