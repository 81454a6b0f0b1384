package org.ipu.outreach.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A load balancer without affinity, as small as can be: each request goes to the next node in turn,
 * with its method, path, query, body and the headers a browser's form post needs; the answer comes
 * back as the node gave it (redirects included).
 */
final class RoundRobinProxy implements AutoCloseable {

  private static final List<String> FORWARDED = List.of("Content-Type", "Cookie", "Accept-Language");
  private static final List<String> RETURNED = List.of("Content-Type", "Location", "Set-Cookie", "Retry-After");

  private final List<Integer> nodePorts;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicIntegerArray served;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final HttpServer server;

  RoundRobinProxy(List<Integer> nodePorts) throws IOException {
    this.nodePorts = List.copyOf(nodePorts);
    this.served = new AtomicIntegerArray(nodePorts.size());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Requests each node has answered, in the order of the nodes. */
  int served(int node) {
    return served.get(node);
  }

  private void forward(HttpExchange exchange) throws IOException {
    int node = Math.floorMod(next.getAndIncrement(), nodePorts.size());
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + nodePorts.get(node) + exchange.getRequestURI()))
          .timeout(Duration.ofSeconds(60))
          .method(exchange.getRequestMethod(),
              body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      for (String name : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          request.header(name, value);
        }
      }
      HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      served.incrementAndGet(node);
      for (String name : RETURNED) {
        answer.headers().allValues(name).forEach(v -> exchange.getResponseHeaders().add(name, v));
      }
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
      exchange.getResponseBody().write(answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
