package io.planeval.support.consume;

/** An event that can never be applied as it is (unreadable, or against the contract): it goes to the dead-letter topic. */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEvent(String message) {
        super(message);
    }
}
