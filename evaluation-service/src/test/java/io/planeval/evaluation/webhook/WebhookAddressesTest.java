package io.planeval.evaluation.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookAddressesTest {

    @Test
    void onlyHttpsToPublicAddressesUnlessTheHostIsAllowed() {
        assertThat(WebhookAddresses.refusal("https://93.184.215.14/hook", List.of())).isEmpty();
        assertThat(WebhookAddresses.refusal("http://93.184.215.14/hook", List.of())).hasValueSatisfying(r -> assertThat(r).startsWith("is not https"));
        for (String inside : List.of("https://127.0.0.1/", "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/",
                "https://169.254.169.254/", "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/")) {
            assertThat(WebhookAddresses.refusal(inside, List.of())).as(inside).hasValueSatisfying(r -> assertThat(r).contains("private"));
        }
        assertThat(WebhookAddresses.refusal("http://127.0.0.1:9000/hook", List.of("127.0.0.1"))).isEmpty();
        assertThat(WebhookAddresses.refusal("ftp://example.jp/", List.of())).isPresent();
        assertThat(WebhookAddresses.refusal("https://user:pass@93.184.215.14/", List.of())).hasValueSatisfying(r -> assertThat(r).contains("credentials"));
        assertThat(WebhookAddresses.refusal("https:// bad", List.of())).isPresent();
    }

    @Test
    void aSignatureIsTheStandardWebhooksOne() {
        // The Standard Webhooks specification's own example: its secret, id, timestamp and body give this signature.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body.getBytes()))
            .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
