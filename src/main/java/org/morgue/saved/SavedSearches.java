package org.morgue.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.morgue.index.ArchiveFiles;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.NotFoundException;

/**
 * The saved searches of one archive: one JSON file, {@value #FILE_NAME}, in a folder beside the
 * index ({@code <archive>/saved/}), which no ingest or re-index touches.
 *
 * <p>Every change reads the file, changes it and writes it whole, atomically: a temporary file in
 * the same folder, forced to disk, then moved over the old one; a crash at any moment leaves either
 * the old file or the new one, never a mixture. Changes are serialised within the process (so that
 * concurrent saves lose nothing) and across processes by an OS lock on {@value #LOCK_NAME}; reading
 * the file afresh at each change also takes in an import made by another process meanwhile.
 *
 * <p>Beside it, {@code seen-<slug>.json} (written the same way) holds the ids of the articles a
 * saved search matched when it was saved or last marked as seen, up to {@value #MAX_SEEN}, so that
 * its new matches can be listed; without that file they are only counted.
 *
 * <p>Slugs are made from the name ({@code [a-z0-9-]}, at most {@value #MAX_SLUG_BASE} characters),
 * with a short random suffix when taken; they are keys in the file, never paths.
 */
public final class SavedSearches {
  /** The file inside the folder. */
  public static final String FILE_NAME = "saved-searches.json";

  /** The lock file of changes, in the same folder (empty; never deleted). */
  public static final String LOCK_NAME = "saved-searches.lock";

  /** The format name written in the file and in exports. */
  public static final String FORMAT = "morgue-saved-searches";

  /** The longest name. */
  public static final int MAX_NAME_LENGTH = 200;

  /** The longest canonical query string. */
  public static final int MAX_QUERY_LENGTH = 8_000;

  /** The most saved searches an archive keeps. */
  public static final int MAX_SAVED = 1_000;

  /**
   * The most bytes of ids a file of seen ids holds (ids are up to 512 bytes each); past it the
   * record is incomplete, as past {@link #MAX_SEEN} ids.
   */
  public static final int MAX_SEEN_BYTES = 1 << 20;

  /**
   * The most ids of matching articles recorded for a saved search when it is saved or opened; past
   * it the record says "incomplete" and new matches are only counted (the total less the total
   * seen).
   */
  public static final int MAX_SEEN = 20_000;

  /** The format name of a file of seen ids, {@code seen-<slug>.json} in the same folder. */
  public static final String SEEN_FORMAT = "morgue-saved-seen";

  /** The longest slug made from a name, before any suffix. */
  public static final int MAX_SLUG_BASE = 40;

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  private static final String SUFFIX_CHARS = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path folder;
  private final Object lock = new Object();

  /** The saved searches kept in {@code folder} (created at the first change). */
  public SavedSearches(Path folder) {
    this.folder = folder;
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /** The file. */
  public Path file() {
    return folder.resolve(FILE_NAME);
  }

  /** Whether a slug has the shape of one; anything else is no saved search. */
  public static boolean isSlug(String s) {
    return s != null && SLUG.matcher(s).matches();
  }

  // --- reading ----------------------------------------------------------------------------------

  /** Every saved search, oldest first. */
  public List<SavedSearch> list() throws IOException {
    synchronized (lock) {
      return List.copyOf(read().values());
    }
  }

  /** The saved search of {@code slug}, if any. */
  public Optional<SavedSearch> find(String slug) throws IOException {
    if (!isSlug(slug)) {
      return Optional.empty();
    }
    synchronized (lock) {
      return Optional.ofNullable(read().get(slug));
    }
  }

  /**
   * The saved search of {@code slug}; a {@link NotFoundException} (parameter {@code slug}) if none.
   */
  public SavedSearch get(String slug) throws IOException {
    return find(slug).orElseThrow(() -> notFound(slug));
  }

  // --- changing ---------------------------------------------------------------------------------

  /**
   * Saves a search under a new slug made from its name.
   *
   * @param name the archivist's name (required, at most {@value #MAX_NAME_LENGTH} characters)
   * @param query the canonical query string (at most {@value #MAX_QUERY_LENGTH} characters)
   * @throws InvalidRequestException naming {@code name} or {@code query} when either is bad
   */
  public SavedSearch create(
      String name, String query, long total, long indexVersion, long indexGeneration, Instant at)
      throws IOException {
    return create(name, query, total, indexVersion, indexGeneration, at, null);
  }

  /**
   * Saves a search as {@link #create(String, String, long, long, long, Instant)} does, recording
   * the ids of the articles it matches now ({@code null}, or more than {@value #MAX_SEEN}, records
   * that the list is incomplete) in its file of seen ids.
   */
  public SavedSearch create(
      String name,
      String query,
      long total,
      long indexVersion,
      long indexGeneration,
      Instant at,
      java.util.Collection<String> seenIds)
      throws IOException {
    String cleanName = checkName(name);
    String cleanQuery = checkQuery(query);
    return change(
        all -> {
          if (all.size() >= MAX_SAVED) {
            throw new InvalidRequestException(
                null, "an archive keeps at most " + MAX_SAVED + " saved searches");
          }
          String slug = newSlug(cleanName, all);
          SavedSearch s =
              new SavedSearch(
                  slug,
                  cleanName,
                  cleanQuery,
                  at,
                  total,
                  indexVersion,
                  indexGeneration,
                  null,
                  null);
          writeSeen(slug, seenIds);
          all.put(slug, s);
          return s;
        });
  }

  /** Renames a saved search; its slug stays, so its links keep working. */
  public SavedSearch rename(String slug, String name) throws IOException {
    String cleanName = checkName(name);
    return update(slug, s -> s.withName(cleanName));
  }

  /**
   * Records that a saved search was opened, and its total then, but not which articles it matched.
   */
  public SavedSearch opened(String slug, Instant at, long total) throws IOException {
    return opened(slug, at, total, null);
  }

  /**
   * Records that a saved search was opened, its total then and the ids of the articles it matched
   * ({@code null}, or more than {@value #MAX_SEEN}, records that the list is incomplete).
   */
  public SavedSearch opened(
      String slug, Instant at, long total, java.util.Collection<String> seenIds)
      throws IOException {
    if (!isSlug(slug)) {
      throw notFound(slug);
    }
    return change(
        all -> {
          SavedSearch old = all.get(slug);
          if (old == null) {
            throw notFound(slug);
          }
          writeSeen(slug, seenIds);
          SavedSearch changed = old.opened(at, total);
          all.put(slug, changed);
          return changed;
        });
  }

  /**
   * The ids of the articles a saved search matched when it was saved or last marked as seen, or
   * empty when they were not recorded in full (too many, saved before they were kept, imported, or
   * an unreadable file): then new matches can only be counted.
   */
  public Optional<java.util.Set<String>> seen(String slug) throws IOException {
    if (!isSlug(slug)) {
      return Optional.empty();
    }
    byte[] bytes;
    synchronized (lock) {
      try {
        bytes = Files.readAllBytes(seenFile(slug));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (root == null
        || !SEEN_FORMAT.equals(root.path("format").asText())
        || !root.path("complete").asBoolean(false)
        || !root.path("ids").isArray()) {
      return Optional.empty();
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    root.get("ids").forEach(id -> ids.add(id.asText()));
    return Optional.of(ids);
  }

  /** The file of seen ids of a slug (a slug is {@code [a-z0-9-]}, so never a path). */
  Path seenFile(String slug) {
    return folder.resolve("seen-" + slug + ".json");
  }

  /**
   * Writes the file of seen ids of a slug atomically, or deletes it when the ids are not complete
   * ({@code null} or over {@value #MAX_SEEN}); called holding the locks of {@link #change}.
   */
  private void writeSeen(String slug, java.util.Collection<String> ids) throws IOException {
    long bytes = 0;
    if (ids != null && ids.size() <= MAX_SEEN) {
      for (String id : ids) {
        bytes += id.length(); // chars: a lower bound of the UTF-8 bytes, enough for a cap
      }
    }
    if (ids == null || ids.size() > MAX_SEEN || bytes > MAX_SEEN_BYTES) {
      Files.deleteIfExists(seenFile(slug));
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("format", SEEN_FORMAT);
    root.put("slug", slug);
    root.put("complete", true);
    ArrayNode list = root.putArray("ids");
    ids.forEach(list::add);
    writeAtomically(
        seenFile(slug),
        JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
  }

  /** Deletes a saved search; a {@link NotFoundException} if there is none. */
  public SavedSearch delete(String slug) throws IOException {
    if (!isSlug(slug)) {
      throw notFound(slug);
    }
    return change(
        all -> {
          SavedSearch gone = all.remove(slug);
          if (gone == null) {
            throw notFound(slug);
          }
          Files.deleteIfExists(seenFile(slug));
          return gone;
        });
  }

  private SavedSearch update(String slug, UnaryOperator<SavedSearch> change) throws IOException {
    if (!isSlug(slug)) {
      throw notFound(slug);
    }
    return change(
        all -> {
          SavedSearch old = all.get(slug);
          if (old == null) {
            throw notFound(slug);
          }
          SavedSearch changed = change.apply(old);
          all.put(slug, changed);
          return changed;
        });
  }

  /**
   * Removes what a crash may have left in the folder: temporary files ({@code *.tmp}) of writes
   * that never finished, and files of seen ids of slugs that are not stored (a save that died
   * between writing its seen ids and the store). Run when a server starts; holds the same locks as
   * a change.
   *
   * @return the files removed
   */
  @SuppressWarnings("try") // the OS lock is held for the block's duration, never read
  public List<Path> removeLeftovers() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    synchronized (lock) {
      try (FileChannel lockFile =
              FileChannel.open(
                  folder.resolve(LOCK_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          java.nio.channels.FileLock held = lockFile.lock()) {
        Map<String, SavedSearch> all = read();
        List<Path> removed = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
          for (Path f : files.sorted().toList()) {
            String name = f.getFileName().toString();
            boolean leftover =
                name.endsWith(".tmp")
                    || (name.startsWith("seen-")
                        && name.endsWith(".json")
                        && !all.containsKey(
                            name.substring("seen-".length(), name.length() - ".json".length())));
            if (leftover && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              Files.deleteIfExists(f);
              removed.add(f);
            }
          }
        }
        return removed;
      }
    }
  }

  // --- export and import ------------------------------------------------------------------------

  /** Writes every saved search to {@code target} as one JSON file (the store's own format). */
  public int exportTo(Path target) throws IOException {
    synchronized (lock) {
      Map<String, SavedSearch> all = read();
      writeAtomically(target, JSON.writeValueAsBytes(document(all.values())));
      return all.size();
    }
  }

  /**
   * Adds the saved searches of an exported file: all of them or, if any is bad, none. One with the
   * slug of an existing one replaces it.
   *
   * @return how many were imported
   */
  public int importFrom(Path source) throws IOException {
    List<SavedSearch> in = parse(Files.readAllBytes(source), source.toString());
    return change(
        all -> {
          for (SavedSearch s : in) {
            all.put(s.slug(), s);
          }
          if (all.size() > MAX_SAVED) {
            throw new InvalidRequestException(
                null, "an archive keeps at most " + MAX_SAVED + " saved searches");
          }
          for (SavedSearch s : in) {
            Files.deleteIfExists(seenFile(s.slug())); // what another archive saw means nothing here
          }
          return in.size();
        });
  }

  // --- the file ---------------------------------------------------------------------------------

  /**
   * A change of the saved searches read from the file; what it throws leaves the file as it was.
   */
  private interface Change<T> {
    T apply(Map<String, SavedSearch> all) throws IOException;
  }

  /**
   * Reads the file, applies {@code change} and writes the result, holding this store's lock and an
   * OS lock on {@value #LOCK_NAME}, so that neither threads nor processes (a server and an import)
   * lose each other's changes.
   */
  @SuppressWarnings("try") // the OS lock is held for the block's duration, never read
  private <T> T change(Change<T> change) throws IOException {
    synchronized (lock) {
      Files.createDirectories(folder);
      try (FileChannel lockFile =
              FileChannel.open(
                  folder.resolve(LOCK_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          java.nio.channels.FileLock held = lockFile.lock()) {
        Map<String, SavedSearch> all = read();
        T out = change.apply(all);
        write(all);
        return out;
      }
    }
  }

  private Map<String, SavedSearch> read() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file());
    } catch (NoSuchFileException e) {
      return new LinkedHashMap<>();
    }
    Map<String, SavedSearch> out = new LinkedHashMap<>();
    for (SavedSearch s : parse(bytes, file().toString())) {
      out.put(s.slug(), s);
    }
    return out;
  }

  /**
   * The saved searches of a file, each checked; an {@link IOException} naming the file if it is
   * bad.
   */
  static List<SavedSearch> parse(byte[] bytes, String where) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new IOException(where + ": not a saved-searches file: " + e.getOriginalMessage(), e);
    }
    if (root == null
        || !root.isObject()
        || !FORMAT.equals(root.path("format").asText())
        || !root.path("saved").isArray()) {
      throw new IOException(
          where
              + ": not a saved-searches file (expected {\"format\": \""
              + FORMAT
              + "\", \"saved\": [...]})");
    }
    List<SavedSearch> out = new ArrayList<>();
    java.util.Set<String> slugs = new java.util.HashSet<>();
    int i = 0;
    for (JsonNode node : root.get("saved")) {
      SavedSearch s;
      try {
        s = JSON.treeToValue(node, SavedSearch.class);
      } catch (JsonProcessingException e) {
        throw new IOException(where + ": saved search " + i + ": " + e.getOriginalMessage(), e);
      }
      try {
        if (!isSlug(s.slug())) {
          throw new InvalidRequestException(
              "slug", "slug must be [a-z0-9-], at most 64 characters: " + s.slug());
        }
        checkName(s.name());
        checkQuery(s.query());
        if (s.savedAt() == null) {
          throw new InvalidRequestException("savedAt", "savedAt is required");
        }
      } catch (InvalidRequestException e) {
        throw new IOException(where + ": saved search " + i + ": " + e.getMessage(), e);
      }
      if (!slugs.add(s.slug())) {
        throw new IOException(where + ": saved search " + i + ": slug " + s.slug() + " twice");
      }
      out.add(s);
      i++;
    }
    return out;
  }

  private static ObjectNode document(java.util.Collection<SavedSearch> all) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", 1);
    ArrayNode list = root.putArray("saved");
    all.forEach(s -> list.add(JSON.valueToTree(s)));
    return root;
  }

  private void write(Map<String, SavedSearch> all) throws IOException {
    writeAtomically(file(), JSON.writeValueAsBytes(document(all.values())));
  }

  /**
   * Writes through {@link ArchiveFiles#writeAtomically}: a crash leaves the old file or the new.
   */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    ArchiveFiles.writeAtomically(target, bytes);
  }

  // --- checks and slugs -------------------------------------------------------------------------

  static String checkName(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw new InvalidRequestException("name", "name is required");
    }
    if (clean.length() > MAX_NAME_LENGTH) {
      throw new InvalidRequestException(
          "name",
          "name may have at most " + MAX_NAME_LENGTH + " characters, not " + clean.length());
    }
    if (clean.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("name", "name may not hold control characters");
    }
    return clean;
  }

  static String checkQuery(String query) {
    if (query == null) {
      throw new InvalidRequestException(
          "query", "query is required (a query string; empty for every article)");
    }
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidRequestException(
          "query",
          "query may have at most " + MAX_QUERY_LENGTH + " characters, not " + query.length());
    }
    return query;
  }

  /** A slug made from the name, with a random suffix while it is taken. */
  static String newSlug(String name, Map<String, SavedSearch> taken) {
    String base = slugBase(name);
    if (!taken.containsKey(base)) {
      return base;
    }
    while (true) {
      StringBuilder s = new StringBuilder(base).append('-');
      for (int i = 0; i < 4; i++) {
        s.append(SUFFIX_CHARS.charAt(RANDOM.nextInt(SUFFIX_CHARS.length())));
      }
      if (!taken.containsKey(s.toString())) {
        return s.toString();
      }
    }
  }

  /**
   * The name lower-cased, accents dropped, every run of other characters one hyphen; "search" if
   * nothing is left.
   */
  static String slugBase(String name) {
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    String s = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > MAX_SLUG_BASE) {
      s = s.substring(0, MAX_SLUG_BASE).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "search" : s;
  }

  private static NotFoundException notFound(String slug) {
    return new NotFoundException(
        "slug", "no saved search " + (isSlug(slug) ? slug : "of that name"));
  }
}
