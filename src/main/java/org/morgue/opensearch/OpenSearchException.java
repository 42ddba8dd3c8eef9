package org.morgue.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** An error answer of the cluster: its HTTP status and the reason it gave. */
public final class OpenSearchException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String type;

  OpenSearchException(String message, int status, String type) {
    super(message);
    this.status = status;
    this.type = type;
  }

  static OpenSearchException of(String what, int status, JsonNode answer) {
    JsonNode error = answer.path("error");
    String type = error.path("type").asText("");
    String reason = error.path("reason").asText(error.isTextual() ? error.asText() : "");
    JsonNode cause = error.path("root_cause").path(0);
    if (cause.has("reason") && !cause.path("reason").asText().equals(reason)) {
      reason = reason + " (" + cause.path("reason").asText() + ")";
    }
    return new OpenSearchException(
        "OpenSearch answered " + status + " to " + what + ": " + type + ": " + reason,
        status,
        type);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** OpenSearch's error type, e.g. {@code resource_already_exists_exception}. */
  public String type() {
    return type;
  }
}
