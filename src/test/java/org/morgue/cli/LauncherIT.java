package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's search for a JDK: with none of 21 or newer, it says so and how to get one. */
class LauncherIT {
  @TempDir Path tmp;

  @Test
  void withOnlyAnOldJdkTheLauncherSaysWhatToInstall() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    // a fake JDK 17: a java that reports version 17, and a javac
    Path old = tmp.resolve("jdk-17");
    Path bin = Files.createDirectories(old.resolve("bin"));
    script(bin.resolve("java"), "echo '    java.specification.version = 17' >&2");
    script(bin.resolve("javac"), "exit 0");

    ProcessBuilder pb =
        new ProcessBuilder("/bin/bash", "morgue", "--help").redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("PATH", "/bin:/usr/bin/nonexistent");
    env.put("JAVA_HOME", old.toString());
    env.put("MORGUE_JDK_DIRS", tmp.resolve("none").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(1, p.waitFor());
    assertTrue(out.contains("Morgue needs a JDK 21 or newer, and none was found."), out);
    assertTrue(out.contains("Found only older ones: " + old + " (Java 17)"), out);
    assertTrue(out.contains("JAVA_HOME=/path/to/jdk-21 ./morgue"), out);
  }

  @Test
  void fileNamesAreUtf8WhateverTheLocale() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    assumeTrue(
        "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
        "the test writes non-ASCII file names itself");
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (String id : new String[] {"café", "naïve-straße", "plain"}) {
      Files.writeString(
          in.resolve(id + ".txt"),
          "2021-05-01 WORLD\nTitle of " + id + "\n\nBody text about " + id + ".\n",
          StandardCharsets.UTF_8);
    }
    Path archive = tmp.resolve("archive");
    for (int round = 1; round <= 2; round++) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  "/bin/bash",
                  "morgue",
                  "ingest",
                  in.toString(),
                  "--index",
                  archive.toString(),
                  "--no-entities",
                  "--quiet")
              .redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.put("LANG", "C");
      env.put("LC_ALL", "C");
      env.put("JAVA_HOME", System.getProperty("java.home"));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      assertTrue(
          out.matches("(?s).*\\n\\s*" + (round == 1 ? "added" : "unchanged") + "\\s+3\\n.*"), out);
      assertTrue(out.matches("(?s).*\\n\\s*rejected\\s+0\\n.*"), out);
      assertTrue(out.matches("(?s).*\\n\\s*in the index\\s+3\\n.*"), out);
    }
  }

  /**
   * A command run twice through the launcher: the first run writes the command's class-data archive
   * as it exits, the second reads it; both print the same, with nothing of the JVM's on stdout.
   */
  @Test
  void aCommandsSecondRunUsesTheClassDataArchiveOfItsFirst() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path jar = Path.of("target", "morgue.jar");
    assumeTrue(Files.isRegularFile(jar), "needs the packaged jar (mvn package)");
    Path cds = Path.of("target", "cds");
    String stamp = String.valueOf(Files.getLastModifiedTime(jar).toMillis() / 1000);
    Path archive = cds.resolve("help-" + stamp + ".jsa");
    Files.deleteIfExists(archive);
    String first = null;
    for (int round = 1; round <= 2; round++) {
      ProcessBuilder pb = new ProcessBuilder("/bin/bash", "morgue", "help", "stats");
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), out);
      assertTrue(out.startsWith("Usage: morgue stats"), out);
      if (round == 1) {
        first = out;
        assertTrue(Files.size(archive) > 1_000_000, "no archive written at " + archive);
      } else {
        assertEquals(first, out);
      }
    }
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    file.toFile().setExecutable(true);
  }
}
