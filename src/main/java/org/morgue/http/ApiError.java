package org.morgue.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error shape of the API, for every status: {@code {"error": {"status": 400, "message":
 * "...", "parameter": "q", "position": 17}}}. {@code parameter} names the parameter at fault and
 * {@code position} the character of {@code q} (0-based) where parsing failed; either is {@code
 * null} when it does not apply.
 *
 * @param status the HTTP status
 * @param message what went wrong, for a person
 * @param parameter the parameter at fault, or {@code null}
 * @param position where in the query parsing failed, or {@code null}
 */
record ApiError(int status, String message, String parameter, Integer position) {

  ApiError(int status, String message) {
    this(status, message, null, null);
  }

  /** The body. */
  Map<String, Object> json() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", status);
    error.put("message", message);
    error.put("parameter", parameter);
    error.put("position", position);
    return Map.of("error", error);
  }

  /** Sends this error as the response, replacing any other body and content type. */
  void send(Context ctx) {
    ctx.res().setHeader("Content-Disposition", null);
    ctx.status(status).json(json());
  }
}
