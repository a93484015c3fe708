package vn.id06.core.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import vn.id06.core.SecurityCheck;
import vn.id06.core.UnavailableException;
import vn.id06.core.VerificationException;

/**
 * HTTP over Apache HttpClient 5: pooled connections, no automatic retries or redirects, no cookies,
 * bounded bodies. Thread-safe.
 */
final class HttpExchange implements AutoCloseable {

  /** One answer, as received: nothing in it is trusted yet. */
  // An internal carrier of the raw body bytes: never compared, hashed or exposed.
  @SuppressWarnings("ArrayRecordComponent")
  record Answer(
      int status,
      byte[] body,
      String contentType,
      String signature,
      String retryAfter,
      String wwwAuthenticate) {}

  private final CloseableHttpClient client;
  private final PoolingHttpClientConnectionManager pool;

  HttpExchange(GatewayClientBuilder b, SSLContext ssl) {
    PoolingHttpClientConnectionManagerBuilder cm =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(b.maxInFlight + 2)
            .setMaxConnPerRoute(b.maxInFlight + 2)
            .setDefaultSocketConfig(
                SocketConfig.custom().setSoTimeout(Timeout.of(b.responseTimeout)).build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(b.connectTimeout))
                    .setSocketTimeout(Timeout.of(b.responseTimeout))
                    .build());
    if (ssl != null) {
      cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl));
    }
    this.pool = cm.build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(b.responseTimeout))
                    .setConnectionRequestTimeout(Timeout.of(b.overallTimeout))
                    .setRedirectsEnabled(false)
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent("id06-gateway-client")
            .build();
  }

  Answer exchange(
      String method,
      URI uri,
      Map<String, String> headers,
      byte[] body,
      ContentType type,
      long maxBytes) {
    HttpUriRequestBase req = method.equals("GET") ? new HttpGet(uri) : new HttpPost(uri);
    req.setHeader("Accept", "application/json, application/problem+json");
    headers.forEach(req::setHeader);
    if (body != null) {
      req.setEntity(new ByteArrayEntity(body, type));
    }
    try {
      return client.execute(req, response -> read(req, response, maxBytes));
    } catch (Oversized e) {
      throw oversized(1);
    } catch (SSLException e) {
      throw new VerificationException(SecurityCheck.TLS, "TLS with the gateway failed", e);
    } catch (java.net.SocketTimeoutException e) {
      throw new AttemptFailure(
          AttemptFailure.Kind.TIMEOUT, "the gateway did not answer in time", null, null, e);
    } catch (InterruptedIOException e) {
      throw new AttemptFailure(
          AttemptFailure.Kind.TIMEOUT, "the exchange was interrupted", null, null, e);
    } catch (IOException e) {
      throw new AttemptFailure(
          AttemptFailure.Kind.TRANSPORT, "the connection to the gateway failed", null, null, e);
    }
  }

  private static Answer read(HttpUriRequestBase req, ClassicHttpResponse response, long maxBytes)
      throws IOException {
    HttpEntity entity = response.getEntity();
    byte[] bytes = new byte[0];
    String contentType = null;
    if (entity != null) {
      contentType = entity.getContentType();
      if (entity.getContentLength() > maxBytes) {
        // Cancel first: closing the response would otherwise drain the rest to reuse the link.
        req.cancel();
        throw new Oversized();
      }
      InputStream in = entity.getContent();
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        req.cancel();
        throw new Oversized();
      }
      in.close();
    }
    return new Answer(
        response.getCode(),
        bytes,
        contentType,
        value(response.getFirstHeader(RestConnector.SIGNATURE_HEADER)),
        value(response.getFirstHeader("Retry-After")),
        value(response.getFirstHeader("WWW-Authenticate")));
  }

  /** The answer is larger than allowed; the connection is dropped, not drained. */
  static final class Oversized extends IOException {
    private static final long serialVersionUID = 1L;
  }

  static UnavailableException oversized(int attempt) {
    return new UnavailableException(
        UnavailableException.Kind.GATEWAY,
        attempt,
        "the gateway's answer is larger than the limit",
        null);
  }

  private static String value(Header h) {
    return h == null ? null : h.getValue();
  }

  @Override
  public void close() {
    pool.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    try {
      client.close();
    } catch (IOException e) {
      // Closing releases local resources only; nothing to report.
    }
  }
}
