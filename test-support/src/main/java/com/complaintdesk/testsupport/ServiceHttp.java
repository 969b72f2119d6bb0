package com.complaintdesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;

/**
 * The service under test over HTTP on loopback, called as the gateway would forward a {@link Caller} (null: no
 * identity headers, as {@link Caller#NOBODY}). A body is sent as JSON; a null body sends none. Extra headers (e.g. {@code Idempotency-Key}) come as name, value pairs.
 * <p>
 * From a Spring test on a random port: {@code final ServiceHttp http = new ServiceHttp(() -> port);} (the port is
 * read at each call, after Spring has injected it).
 */
public final class ServiceHttp {

    private final IntSupplier port;
    private final HttpClient client = HttpClient.newHttpClient();

    public ServiceHttp(IntSupplier port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path, Caller caller, String... headers) {
        return send("GET", path, null, caller, headers);
    }

    public HttpResponse<byte[]> getBytes(String path, Caller caller) {
        return send(request(path, caller).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String json, Caller caller, String... headers) {
        return send("POST", path, json, caller, headers);
    }

    public HttpResponse<String> put(String path, String json, Caller caller, String... headers) {
        return send("PUT", path, json, caller, headers);
    }

    public HttpResponse<String> send(String method, String path, String json, Caller caller, String... headers) {
        HttpRequest.Builder b = request(path, caller).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the service with the caller's identity headers, for what the methods above do not cover. */
    public HttpRequest.Builder request(String path, Caller caller) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path));
        if (caller != null) {
            caller.addTo(b);
        }
        return b;
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the answer is an error in the services' one shape, {@code application/problem+json}. */
    public static boolean isProblem(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").contains("application/problem+json");
    }
}
