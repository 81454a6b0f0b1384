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

  /** A whole answer: status, headers (names in lower case) and body. */
  public record Response(int status, java.util.Map<String, java.util.List<String>> headers, String body) {
    public String header(String name) {
      java.util.List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  /**
   * One request from the given local address (e.g. 127.0.0.2: every 127.x address is this machine, so a
   * test can be two clients the server tells apart), with {@code Connection: close}; reads the whole answer.
   */
  public static Response exchange(String fromAddress, int port, String method, String path,
      java.util.Map<String, String> headers, String body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new java.net.InetSocketAddress(fromAddress, 0));
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
          + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    java.util.Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
          k -> new java.util.ArrayList<>()).add(lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(String.join(",", headers.getOrDefault("transfer-encoding", java.util.List.of())))) {
      StringBuilder joined = new StringBuilder();
      int at = 0;
      while (true) {
        int lineEnd = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        // sizes count bytes; the answers read here are ASCII or close to it
        byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
        String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
        joined.append(chunk);
        at = lineEnd + 2 + chunk.length() + 2;
      }
      body = joined.toString();
    }
    return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
  }
}
