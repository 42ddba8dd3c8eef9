package org.morgue.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.morgue.http.MorgueServer;

/**
 * The server's request lines appended to a file in the archive ({@code logs/requests.log}), one a
 * line, flushed as written, and, with {@code --verbose}, printed on the terminal too: the terminal
 * keeps the server's address, its warnings and its errors.
 */
final class RequestLogFile implements MorgueServer.RequestLog, AutoCloseable {
  private final Writer file;
  private final PrintStream echo;
  private boolean failed;

  /**
   * Opens (creating it and its folder) the file to append to.
   *
   * @param echo where to print each line too, or {@code null}
   */
  RequestLogFile(Path path, PrintStream echo) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    this.file =
        Files.newBufferedWriter(
            path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    this.echo = echo;
  }

  @Override
  public synchronized void log(String line) {
    if (echo != null) {
      echo.println(line);
    }
    try {
      file.write(line);
      file.write('\n');
      file.flush();
    } catch (IOException e) {
      if (!failed) { // said once: a full disk must not fill the terminal
        failed = true;
        System.err.println("morgue: cannot write the request log: " + e.getMessage());
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      file.close();
    } catch (IOException e) {
      System.err.println("morgue: closing the request log: " + e.getMessage());
    }
  }
}
