package io.planeval.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 spoken over a plain socket: for requests no client library would send, such as a body that never comes. */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the bytes as they are and returns all the server answers until it closes the connection (10 s at most). */
    public static String exchange(int port, String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request that announces a body of {@code length} bytes, sends only its first bytes, and waits for 100-continue if asked. */
    public static String announcingBody(int port, String method, String path, long length, boolean expectContinue) {
        return exchange(port, method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + length + "\r\n" + (expectContinue ? "Expect: 100-continue\r\n\r\n" : "\r\n[{\"planCode\": \""));
    }
}
