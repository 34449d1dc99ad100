package io.planeval.evaluation.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.planeval.support.notice.ChannelListener;
import io.planeval.support.notice.CommitNotices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The live streams wake when a transaction that logs changes commits, on any connection, and not when it rolls back. */
@QuarkusTest
class ChangeNoticeTest {

    static final String CHANNEL = "planeval_notice_test";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CommitNotices notices;

    @Test
    void aCommitWakesTheListenerAndARollbackDoesNot() throws Exception {
        try (ChannelListener listener = new ChannelListener(dataSource, CHANNEL)) {
            // The first wait opens the connection and listens; nothing has been said yet.
            assertThat(listener.await(Duration.ofMillis(200))).isFalse();

            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    notices.atCommit(CHANNEL);
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back, and its notice with it
            }
            assertThat(listener.await(Duration.ofSeconds(1))).as("after a rollback").isFalse();

            QuarkusTransaction.requiringNew().run(() -> {
                notices.atCommit(CHANNEL);
                notices.atCommit(CHANNEL);
            });
            long started = System.nanoTime();
            assertThat(listener.await(Duration.ofSeconds(30))).as("after a commit").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            // Once per transaction, however often it was asked.
            assertThat(listener.await(Duration.ofMillis(500))).isFalse();
        }
    }
}
