package io.planeval.support.consume;

/** An event that can never be applied as it is (unreadable, or against the contract): it is parked at once. */
public class PoisonEvent extends RuntimeException {

    public PoisonEvent(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEvent(String message) {
        super(message);
    }
}
