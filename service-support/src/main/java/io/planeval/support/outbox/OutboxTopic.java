package io.planeval.support.outbox;

/**
 * A topic a service publishes to through its outbox. A service declares its topics as CDI beans; the relay
 * creates missing ones before it first publishes, so a topic never appears with the broker's defaults.
 *
 * @param compacted whether Kafka keeps only the newest record per key (whole-document topics); otherwise every
 *                  record is kept forever, since read models are rebuilt from the beginning
 */
public record OutboxTopic(String name, boolean compacted) {

    public static OutboxTopic compacted(String name) {
        return new OutboxTopic(name, true);
    }

    public static OutboxTopic retained(String name) {
        return new OutboxTopic(name, false);
    }
}
