package org.morgue.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches Javalin (a URL over 8 KB, headers too
 * large, a malformed request line): in the API's one error shape and with its security headers,
 * rather than Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Jetty 12 still calls this for a bad request line or headers too large; its replacement is not
  // called on that path yet, so the override stays until Jetty removes it
  @SuppressWarnings("removal")
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    headers(fields);
    return ByteBuffer.wrap(body(status, reason));
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    headers(response.getHeaders());
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  private static void headers(HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    SecurityHeaders.forEach(fields::put);
  }

  private static byte[] body(int status, String reason) {
    String message = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    if (status == HttpStatus.URI_TOO_LONG_414
        || status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
      message = "the request is too large (" + message + "): shorten the query";
    }
    try {
      return JSON.writeValueAsString(new ApiError(status, message).json())
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      return ("{\"error\":{\"status\":" + status + "}}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
