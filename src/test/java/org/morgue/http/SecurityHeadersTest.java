package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one list of security headers, as both Javalin's responses and Jetty's errors set it. */
class SecurityHeadersTest {
  @Test
  void everyHeaderInItsOrder() {
    List<String> set = new ArrayList<>();
    SecurityHeaders.forEach((name, value) -> set.add(name + ": " + value));
    assertEquals(
        List.of(
            "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
                + " form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options: nosniff",
            "Referrer-Policy: no-referrer",
            "X-Frame-Options: DENY"),
        set);
  }
}
