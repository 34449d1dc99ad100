package io.planeval.evaluation;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) in the tests' JVM on a free port: the reminders go there and are read back. */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;

    /** The shared server, started on first use. */
    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("planeval.evaluation.reminders.smtp-host", "127.0.0.1",
            "planeval.evaluation.reminders.smtp-port", Integer.toString(server().getSmtp().getPort()),
            "planeval.evaluation.reminders.start-tls", "disabled");
    }

    @Override
    public void stop() {
        // Shared by every test of the module; it stops with the JVM.
    }
}
