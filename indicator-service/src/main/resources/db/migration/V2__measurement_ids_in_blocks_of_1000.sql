-- Measurement ids come in blocks of 1000 (Measurement's allocationSize), as outbox ids do: a bulk post of 10,000
-- rows takes ten trips to the sequence, not two hundred. Ids already given out lie below the next block.
ALTER SEQUENCE measurement_seq INCREMENT BY 1000;
