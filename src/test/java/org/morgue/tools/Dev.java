package org.morgue.tools;

import org.morgue.cli.Cli;

/** Runs {@code morgue dev ARGS} in-process, capturing what it prints (for tests). */
final class Dev {
  private Dev() {}

  static Cli.Run run(String... args) {
    return Cli.capture(() -> DevMain.run(args));
  }
}
