package org.morgue.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.morgue.article.ArticleFiles;
import org.morgue.article.HouseFormat;
import org.morgue.article.ReadEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code morgue convert PATH... --to DIR}: writes articles in the house format, one file each,
 * named after the article's id (which the file name then becomes). The shipped demo corpus was made
 * so.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description =
        "Writes the articles of any readable file in the house format, one file each (named after"
            + " the article's id, with the extension txt).")
public final class ConvertCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to read.")
  List<Path> paths;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "The folder to write into.")
  Path to;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(to);
    Set<String> names = new HashSet<>();
    int[] counts = new int[2];
    IOException[] failure = new IOException[1];
    new ArticleFiles()
        .read(
            paths,
            event -> {
              if (failure[0] != null) {
                return;
              }
              switch (event) {
                case ReadEvent.Rejected r -> {
                  System.err.println(
                      "rejected " + r.where() + ": " + r.reason().label() + ": " + r.detail());
                  counts[1]++;
                }
                case ReadEvent.Parsed p -> {
                  String name = fileName(p.article().id());
                  if (!names.add(name)) {
                    System.err.println(
                        "skipped " + p.where() + ": file name " + name + " already written");
                    counts[1]++;
                    return;
                  }
                  try {
                    Files.writeString(
                        to.resolve(name + ".txt"),
                        HouseFormat.write(p.article()),
                        StandardCharsets.UTF_8);
                    counts[0]++;
                  } catch (IOException e) {
                    failure[0] = e;
                  }
                }
              }
            });
    if (failure[0] != null) {
      throw failure[0];
    }
    System.out.println(
        counts[0]
            + " articles written to "
            + to
            + (counts[1] > 0 ? ", " + counts[1] + " not" : ""));
    return 0;
  }

  /**
   * A portable file name for an id: letters, digits, {@code - _ .} kept, others become {@code -},
   * at most 120 characters. Example: {@code state:245393} gives {@code state-245393}.
   */
  static String fileName(String id) {
    StringBuilder b = new StringBuilder();
    for (char c : id.toCharArray()) {
      b.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' ? c : '-');
    }
    String s = b.toString().replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
    return s.length() > 120 ? s.substring(0, 120) : s;
  }
}
