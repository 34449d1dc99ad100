-- Outbox seqs step by 1000. Hibernate once took them in blocks of 1000; the outbox now takes one nextval per event
-- (Outbox), and the step stays so that an instance of the older code, still taking a block during an upgrade, can
-- never be handed seqs the newer code used. The gaps cost nothing: seq only orders the relay.
ALTER SEQUENCE outbox_event_seq INCREMENT BY 1000;
