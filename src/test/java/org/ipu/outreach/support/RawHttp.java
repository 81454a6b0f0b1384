package org.ipu.outreach.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP request written by hand on a socket, for what an HTTP client will not send: a head that
 * announces more body than follows. The answer's status line is read while the socket is still open
 * and the rest of the body unsent, so an answer proves that the server did not wait for (read) it.
 */
public final class RawHttp {

  private RawHttp() {}

  /** What came back: the status line and how long after the request it arrived. */
  public record Answer(String statusLine, Duration after) {
    public int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  /**
   * Sends {@code head} (request line and headers, without the blank line), then {@code bodyStart},
   * keeps the connection open and waits at most {@code timeout} for the status line.
   */
  public static Answer send(int port, String head, byte[] bodyStart, Duration timeout) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bodyStart);
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String statusLine = in.readLine();
      if (statusLine == null) {
        throw new IOException("the server closed the connection without an answer");
      }
      return new Answer(statusLine, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
