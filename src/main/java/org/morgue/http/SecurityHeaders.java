package org.morgue.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The security headers of every response the server gives, whether Javalin answers ({@link
 * MorgueServer}) or Jetty does before a request reaches it ({@link JettyErrors}): one list, so that
 * an error page cannot lose one.
 *
 * <p>Example: {@code SecurityHeaders.forEach(ctx::header)} sets {@code Content-Security-Policy:
 * default-src 'self'; script-src 'self'; ...}, {@code X-Content-Type-Options: nosniff}, {@code
 * Referrer-Policy: no-referrer} and {@code X-Frame-Options: DENY}.
 */
final class SecurityHeaders {
  private SecurityHeaders() {}

  /**
   * The page's scripts, styles and images come from this server only; no inline script, no plugin,
   * no framing by other sites.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** The headers of every response, errors included, by name, in a fixed order. */
  static final Map<String, String> ALL = all();

  private static Map<String, String> all() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("X-Frame-Options", "DENY");
    return Collections.unmodifiableMap(h);
  }

  /** Gives each header's name and value to {@code set}, e.g. a response's header setter. */
  static void forEach(BiConsumer<String, String> set) {
    ALL.forEach(set);
  }
}
