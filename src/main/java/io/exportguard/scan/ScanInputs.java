package io.exportguard.scan;

import io.exportguard.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds what a scan reads among the paths it is given. A file named on the command line must be a
 * Terraform plan's JSON, a ROS template or a policy document, else it is bad input. A folder is
 * walked (hidden folders and files left out, links not followed): the files it understands are
 * read, every other file is listed as ignored with the reason, so the report says what was and was
 * not looked at. A file that names itself a plan ({@code *.tfplan.json}) and does not parse is bad
 * input wherever it is.
 */
public final class ScanInputs {
  /** Files larger than this are not read (a plan of 5,000 resources is about 10 MB). */
  public static final long MAX_FILE_BYTES = 256L << 20;
  private static final List<String> READABLE = List.of(".json", ".yaml", ".yml", ".template");

  /** What a file was read as. */
  public enum Kind {
    PLAN("terraform-plan"), ROS("ros-template"), POLICY("policy");

    public final String id;

    Kind(String id) { this.id = id; }
  }

  /** A file to read, parsed. */
  public record Found(Path path, Kind kind, SourceFile file) {}

  private final List<Found> found = new ArrayList<>();
  private final List<Report.Input> ignored = new ArrayList<>();

  private ScanInputs() {}

  /** Reads and classifies every path; a problem with a named file (or a broken plan) is thrown. */
  public static ScanInputs discover(List<Path> paths) throws ScanInputException {
    ScanInputs in = new ScanInputs();
    for (Path p : paths) {
      String shown = show(p);
      if (Files.isDirectory(p)) in.walk(p);
      else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) in.named(p);
      else throw new ScanInputException(shown, "no such file or folder");
    }
    return in;
  }

  /** The files to read, in the order given and found. */
  public List<Found> found() { return List.copyOf(found); }

  /** The files left out, each with why. */
  public List<Report.Input> ignored() { return List.copyOf(ignored); }

  private void named(Path p) throws ScanInputException {
    SourceFile f = parse(p);
    Kind kind = kindOf(f);
    if (kind == null) {
      throw f.error(f.root(), "not a Terraform plan (terraform show -json), a ROS template or a RAM/OSS policy document"
          + (f.root().has("terraform_version") ? ": a Terraform state? scan the plan's JSON instead" : ""));
    }
    found.add(new Found(p, kind, f));
  }

  private void walk(Path dir) throws ScanInputException {
    List<Path> entries;
    try (Stream<Path> s = Files.walk(dir)) {
      entries = s.filter(p -> !p.equals(dir)).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ScanInputException(show(dir), "cannot be listed (" + e.getMessage() + ")");
    }
    List<Path> hidden = new ArrayList<>();
    for (Path p : entries) {
      if (hidden.stream().anyMatch(p::startsWith)) continue;
      String name = p.getFileName().toString();
      if (name.startsWith(".")) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) hidden.add(p);
        ignored.add(new Report.Input(show(p) + (Files.isDirectory(p) ? "/" : ""), null, true,
            Files.isDirectory(p) ? "hidden folder (not walked)" : "hidden file"));
        continue;
      }
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
      String why = skipReason(p, name);
      if (why != null) {
        ignored.add(new Report.Input(show(p), null, true, why));
        continue;
      }
      SourceFile f;
      try {
        f = parse(p);
      } catch (ScanInputException e) {
        if (name.endsWith(".tfplan.json")) throw e;
        ignored.add(new Report.Input(show(p), null, true, "does not parse (" + e.line() + ":" + e.column() + ": "
            + e.getMessage() + ")"));
        continue;
      }
      Kind kind = kindOf(f);
      if (kind == null) {
        if (name.endsWith(".tfplan.json")) throw f.error(f.root(), "named a Terraform plan, but not a plan's JSON");
        ignored.add(new Report.Input(show(p), null, true, f.root().has("terraform_version")
            ? "a Terraform state or other Terraform JSON, not a plan" : "not a Terraform plan, ROS template or policy document"));
        continue;
      }
      found.add(new Found(p, kind, f));
    }
  }

  private static String skipReason(Path p, String name) {
    if (Files.isSymbolicLink(p)) return "symbolic link (not followed)";
    if (!Files.isRegularFile(p)) return "not a regular file";
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tf")) return "Terraform source: scan its plan (terraform show -json plan.out > plan.tfplan.json)";
    if (READABLE.stream().noneMatch(lower::endsWith)) return "not JSON or YAML";
    try {
      if (Files.size(p) > MAX_FILE_BYTES) return "larger than " + (MAX_FILE_BYTES >> 20) + " MB";
    } catch (IOException e) {
      return "cannot be read (" + e.getMessage() + ")";
    }
    return null;
  }

  static SourceFile parse(Path p) throws ScanInputException {
    String shown = show(p);
    byte[] bytes;
    try {
      if (Files.isRegularFile(p) && Files.size(p) > MAX_FILE_BYTES) {
        throw new ScanInputException(shown, "larger than " + (MAX_FILE_BYTES >> 20) + " MB");
      }
      bytes = Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new ScanInputException(shown, "no such file");
    } catch (IOException e) {
      throw new ScanInputException(shown, "cannot be read (" + e.getMessage() + ")");
    }
    return SourceFile.parse(shown, bytes, TerraformReader.TYPES::contains);
  }

  static Kind kindOf(SourceFile f) {
    if (TerraformReader.isPlan(f.root())) return Kind.PLAN;
    if (RosReader.isTemplate(f.root())) return Kind.ROS;
    if (PolicyFileReader.isPolicy(f.root())) return Kind.POLICY;
    return null;
  }

  /** A path as reports name it: as given, with forward slashes and no leading {@code ./}. */
  static String show(Path p) { return TerraformSources.show(p); }
}
