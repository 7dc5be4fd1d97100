package io.exportguard.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Copies the classes of the jars given into the classes directory, those compiled for Java 5 or older
 * (class-file version 49 and below: picocli, jdom2) raised to version 52 with stack-map frames
 * computed. Class-data sharing (AppCDS, the JDK 25 AOT cache) leaves out classes older than version
 * 50, so each run parses and verifies them again with the old verifier; raised, they are archived.
 * Nothing else changes: the same instructions, constants, attributes and debug information (ASM
 * recomputes the maximum stack and locals with the frames); an interface's implied abstract flag is
 * written out, as version 52 requires. The shade step takes these copies in
 * place of the jars' own classes (pom.xml). A class whose frames cannot be computed (a type it uses
 * is not on the build's class path) is copied unchanged and named on stderr.
 *
 * <p>Usage: {@code ArchivableBytecode CLASSES_DIR JAR...}
 */
public final class ArchivableBytecode {
  /** The version written: Java 8, the oldest whose classes always carry stack-map frames. */
  static final int RAISED_VERSION = Opcodes.V1_8;
  /** Class files below this version are left out of CDS archives. */
  static final int ARCHIVABLE_VERSION = Opcodes.V1_6;

  private ArchivableBytecode() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) throw new IllegalArgumentException("usage: ArchivableBytecode CLASSES_DIR JAR...");
    Path out = Path.of(args[0]);
    List<URL> urls = new ArrayList<>();
    for (int i = 1; i < args.length; i++) urls.add(Path.of(args[i]).toUri().toURL());
    // The types that frames merge are resolved through the jars given and the build's class path.
    try (URLClassLoader types = new URLClassLoader(urls.toArray(URL[]::new), ArchivableBytecode.class.getClassLoader())) {
      for (int i = 1; i < args.length; i++) {
        try (JarFile jar = new JarFile(args[i])) {
          for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
            String name = e.getName();
            if (!name.endsWith(".class") || name.startsWith("META-INF/")) continue;
            byte[] original;
            try (InputStream in = jar.getInputStream(e)) {
              original = in.readAllBytes();
            }
            byte[] written = original;
            if (version(original) < ARCHIVABLE_VERSION) {
              try {
                written = raise(original, types);
              } catch (RuntimeException | LinkageError failure) {
                System.err.println("ArchivableBytecode: " + name + " left at version " + version(original) + ": " + failure);
              }
            }
            Path target = out.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, written);
          }
        }
      }
    }
  }

  /**
   * Passes a class on at version 52 with its class and inner-class access flags as the JVM reads them
   * below version 50: there an interface is abstract even without the flag (version 52 requires it).
   */
  static final class Raised extends ClassVisitor {
    Raised(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      super.visit(RAISED_VERSION, asLoaded(access), name, signature, superName, interfaces);
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
      super.visitInnerClass(name, outerName, innerName, asLoaded(access));
    }

    private static int asLoaded(int access) {
      return (access & Opcodes.ACC_INTERFACE) != 0 ? access | Opcodes.ACC_ABSTRACT : access;
    }
  }

  /** The class-file major version of {@code classFile}. */
  static int version(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  /** {@code classFile} at version 52 with computed frames; its types resolved through {@code types}. */
  static byte[] raise(byte[] classFile, ClassLoader types) {
    ClassReader reader = new ClassReader(classFile);
    // Not new ClassWriter(reader, ...): that copies unchanged methods as they are, without frames.
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected ClassLoader getClassLoader() {
        return types;
      }
    };
    reader.accept(new Raised(writer), 0);
    return writer.toByteArray();
  }
}
