package io.exportguard.policy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.NoSuchFileException;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Reads the built-in pack's files from the place its index was found (the jar, or the classes
 * folder). Asking the class loader for each file costs a search of every module of the runtime
 * image per file name (resources outside a package are looked for there first), a noticeable part
 * of a short run's start-up; a file named relative to the index's URL is opened directly.
 */
final class BuiltInResources {
  private static final String PREFIX = PolicyLoader.BUILTIN_ROOT + "/";
  private static volatile URL index;

  private BuiltInResources() {}

  /** The resource's bytes, or null when there is no such resource. */
  static byte[] read(String name) throws IOException {
    URL url = locate(name);
    if (url == null) return null;
    if (url.getProtocol().equals("jar")) {
      byte[] direct = fromJar(url);
      if (direct != null) return direct;
    }
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (FileNotFoundException | NoSuchFileException e) {
      return null;
    }
  }

  /**
   * A jar entry's bytes read straight from the jar the URL names (the JDK's cached {@link JarFile},
   * which stays open), into an array of the entry's size: no URL connection or stream wrappers per
   * file, and no growing of buffers. Null when that cannot be done; the caller then opens the URL.
   */
  private static byte[] fromJar(URL url) {
    try {
      JarURLConnection c = (JarURLConnection) url.openConnection();
      JarFile jar = c.getJarFile();
      ZipEntry entry = c.getJarEntry();
      if (entry == null || entry.getSize() < 0 || entry.getSize() > Integer.MAX_VALUE - 16) return null;
      byte[] bytes = new byte[(int) entry.getSize()];
      try (InputStream in = jar.getInputStream(entry)) {
        if (in.readNBytes(bytes, 0, bytes.length) != bytes.length || in.read() != -1) return null;
      }
      return bytes;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static URL locate(String name) {
    ClassLoader loader = BuiltInResources.class.getClassLoader();
    if (name.equals(PolicyLoader.BUILTIN_INDEX) || !name.startsWith(PREFIX) || !plain(name.substring(PREFIX.length()))) {
      return loader.getResource(name);
    }
    URL at = index;
    if (at == null) index = at = loader.getResource(PolicyLoader.BUILTIN_INDEX);
    if (at == null) return loader.getResource(name);
    try {
      return new URL(at, name.substring(PREFIX.length())); // beside the index: .../policies/<rel>
    } catch (MalformedURLException e) {
      return loader.getResource(name);
    }
  }

  /** A relative name a URL resolves as it is: letters, digits, '.', '_', '-' and '/' separators, no "..". */
  private static boolean plain(String rel) {
    if (rel.isEmpty() || rel.startsWith("/") || rel.contains("..") || rel.contains("//")) return false;
    for (int i = 0; i < rel.length(); i++) {
      char c = rel.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-' || c == '/';
      if (!ok) return false;
    }
    return true;
  }
}
