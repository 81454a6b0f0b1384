package org.ipu.outreach.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small SMTP server that records, for every message, the moment it accepted it (after the end of
 * DATA) and the connection it came on, so that a test can measure the sender's pacing and connection
 * reuse on the server side (GreenMail does not say when or over which connection a message came). {@code silent} makes it accept connections and never answer, as a hung relay.
 * {@link #countingOnly()} keeps counts only (connections, messages, bytes), so that the benchmark's
 * tens of thousands of letters do not fill the heap.
 */
public final class RecordingSmtpServer implements AutoCloseable {

  /**
   * A message as the server accepted it: when its MAIL FROM arrived (the start of the hand-over) and
   * when the server accepted it after the end of DATA (System.nanoTime()).
   */
  public record Received(int connection, long mailFromNanos, long acceptedNanos, String data) {}

  private final ServerSocket socket;
  private final boolean silent;
  private final boolean keep;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger messages = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Socket> clients = new CopyOnWriteArrayList<>();

  public RecordingSmtpServer(boolean silent) {
    this(silent, true);
  }

  /** A server that answers and counts, but keeps no message. */
  public static RecordingSmtpServer countingOnly() {
    return new RecordingSmtpServer(false, false);
  }

  private RecordingSmtpServer(boolean silent, boolean keep) {
    this.silent = silent;
    this.keep = keep;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "recording-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  public int connections() {
    return connections.get();
  }

  public int messages() {
    return messages.get();
  }

  /** Characters of message data received, line ends included. */
  public long bytes() {
    return bytes.get();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        clients.add(client);
        int id = connections.incrementAndGet();
        if (!silent) {
          Thread t = new Thread(() -> serve(client, id), "recording-smtp-" + id);
          t.setDaemon(true);
          t.start();
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client, int connection) {
    try (client;
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
      reply(out, "220 recording ESMTP");
      String line;
      long mailFrom = 0;
      while ((line = in.readLine()) != null) {
        String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 recording");
          case "MAIL" -> {
            mailFrom = System.nanoTime();
            reply(out, "250 OK");
          }
          case "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 go ahead");
            StringBuilder data = new StringBuilder();
            long size = 0;
            while ((line = in.readLine()) != null && !line.equals(".")) {
              size += line.length() + 2;
              if (keep) {
                data.append(line).append("\r\n");
              }
            }
            bytes.addAndGet(size);
            messages.incrementAndGet();
            if (keep) {
              received.add(new Received(connection, mailFrom, System.nanoTime(), data.toString()));
            }
            reply(out, "250 accepted");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket c : clients) {
      c.close();
    }
  }
}
