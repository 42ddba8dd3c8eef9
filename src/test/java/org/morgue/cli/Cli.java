package org.morgue.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntSupplier;

/** Runs a command line in-process, capturing standard output and error (for tests). */
public final class Cli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {}

  /** The exit code and what a run printed. */
  public record Run(int exit, String out, String err) {
    public List<String> lines() {
      return out.lines().toList();
    }

    public JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  /** Runs {@code morgue ARGS} ({@link Main#run}). */
  public static Run run(String... args) {
    return capture(() -> Main.run(args));
  }

  /** Runs an entry point that returns an exit code, capturing what it prints. */
  public static synchronized Run capture(IntSupplier main) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      exit = main.getAsInt();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Run(
        exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
  }
}
