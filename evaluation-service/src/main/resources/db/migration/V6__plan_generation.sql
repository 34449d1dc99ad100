-- Each plan's read-model generation, raised in every transaction that applies events to it: an instance serving a
-- cached report checks it, so a change applied by any instance reaches the readers of every instance at once.
CREATE TABLE plan_generation (
    plan_code  text   PRIMARY KEY,
    generation bigint NOT NULL
);
