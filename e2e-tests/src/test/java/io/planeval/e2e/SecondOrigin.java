package io.planeval.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Another site's page, as a county's own dashboard would be: served from another origin, it reads the evaluation
 * with fetch (CORS) and follows the stream with EventSource, and writes what it got into the page.
 */
final class SecondOrigin implements AutoCloseable {

    private static final String PAGE = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"><title>another dashboard</title></head>
        <body>
        <p id="rates">…</p>
        <p id="event">…</p>
        <script>
          const ask = new URLSearchParams(location.search);
          const api = ask.get('api') + '/api/v1/plans/' + ask.get('plan');
          fetch(api + '/evaluation?fiscalYear=2024')
            .then(r => r.json())
            .then(report => document.getElementById('rates').textContent = report.goals.map(g => g.kpiAchievementRate.display).join(' '))
            .catch(e => document.getElementById('rates').textContent = 'refused: ' + e);
          const stream = new EventSource(api + '/evaluation/stream');
          stream.onopen = () => document.getElementById('event').textContent = 'open';
          stream.addEventListener('evaluation', e => {
            const change = JSON.parse(e.data);
            document.getElementById('event').textContent = change.indicatorCode + ' ' + change.fiscalYear + ' '
              + (change.attainment ? change.attainment.display : change.status);
          });
        </script>
        </body></html>
        """;

    private final HttpServer server;

    SecondOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", Processes.freePort()), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The origin, as browsers send it in Origin. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
