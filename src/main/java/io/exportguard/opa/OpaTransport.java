package io.exportguard.opa;

import com.bisnode.opa.client.OpaConfiguration;
import com.bisnode.opa.client.rest.OpaRestClient;
import com.bisnode.opa.client.rest.OpaServerConnectionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OPA Java client's transport, wrapped. The client (0.4.4) builds its own {@code HttpClient}
 * with no timeouts, sends no {@code Authorization} header and drops error bodies. Its public
 * {@link OpaRestClient} takes an {@code HttpClient} and is open for extension, so this subclass
 * lifts all three without replacing the client: our {@code HttpClient} (connect timeout, TLS with
 * the given CA), a per-request timeout and bearer token added to every request the client builds,
 * and error statuses read in full and thrown as {@link OpaServerException} with OPA's message. The
 * client keeps doing the rest: paths, request bodies, and decoding {@code {"result": ...}}.
 */
final class OpaTransport extends OpaRestClient {
  private final HttpClient http;
  private final String token;
  private final Duration requestTimeout;
  private final String base;

  OpaTransport(OpaSettings settings, HttpClient http, ObjectMapper json) {
    super(new OpaConfiguration(settings.base(), HttpClient.Version.HTTP_1_1), http, json);
    this.http = http;
    this.token = settings.token();
    this.requestTimeout = settings.requestTimeout();
    this.base = settings.base();
  }

  @Override
  public HttpRequest.Builder getBasicRequestBuilder(String endpoint) {
    return decorate(super.getBasicRequestBuilder(endpoint));
  }

  /** Adds the timeout, the token and our User-Agent to a request. */
  HttpRequest.Builder decorate(HttpRequest.Builder b) {
    b.timeout(requestTimeout).header("User-Agent", "exportguard");
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  @Override
  public <T> HttpResponse<T> sendRequest(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    AtomicReference<byte[]> errorBody = new AtomicReference<>();
    HttpResponse<T> response;
    try {
      response = http.send(request, info -> info.statusCode() >= 300
          ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
            errorBody.set(bytes);
            return null;
          })
          : handler.apply(info));
    } catch (HttpConnectTimeoutException e) {
      throw new OpaServerConnectionException("could not connect to the OPA server at " + base + " within "
          + pretty(http.connectTimeout().orElse(Duration.ZERO)), e);
    } catch (HttpTimeoutException e) {
      throw new OpaServerConnectionException("the OPA server at " + base + " did not answer within "
          + pretty(requestTimeout), e);
    } catch (ConnectException e) {
      throw new OpaServerConnectionException("the OPA server at " + base + " is unreachable (connection refused)", e);
    } catch (IOException e) {
      throw new OpaServerConnectionException("cannot talk to the OPA server at " + base + ": " + e, e);
    }
    if (response.statusCode() >= 300) throw OpaServerException.of(response.statusCode(), errorBody.get());
    return response;
  }

  static String pretty(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
