package io.planeval.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GreenMail standalone as its own process (copied by the build from Maven Central): the SMTP server the reminders go
 * to, as in the local run. What it received is read back over its HTTP API.
 */
final class MailServerProcess {

    final int smtpPort = Processes.freePort();
    final int apiPort = Processes.freePort();
    private Process process;

    void start() {
        process = Processes.start("greenmail", List.of("java", "-Xmx128m", "-Dgreenmail.smtp.port=" + smtpPort,
            "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.hostname=127.0.0.1", "-Dgreenmail.auth.disabled",
            "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
            "-jar", Processes.ROOT.resolve("e2e-tests/target/greenmail/greenmail-standalone.jar").toString()), Map.of());
    }

    /** The settings that send evaluation-service's reminders here. */
    Map<String, String> serviceSettings() {
        return Map.of("PLANEVAL_EVALUATION_REMINDERS_SMTP_HOST", "127.0.0.1", "PLANEVAL_EVALUATION_REMINDERS_SMTP_PORT", Integer.toString(smtpPort),
            "PLANEVAL_EVALUATION_REMINDERS_START_TLS", "disabled");
    }

    boolean ready() {
        return Processes.answersOk("http://127.0.0.1:" + apiPort + "/api/service/readiness");
    }

    /** The messages an address received, as GreenMail's API lists them (subject, mimeMessage). */
    JsonNode inbox(String address) {
        Api.Reply reply = Api.sendAs(null, "GET", "http://127.0.0.1:" + apiPort + "/api/user/"
            + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX", null, null);
        return reply.status() == 200 ? reply.json() : Api.JSON.createArrayNode();
    }

    void stop() {
        if (process != null) {
            Processes.kill(process);
        }
    }
}
