-- The W3C traceparent of the request that wrote the event, so that its publication and application continue the
-- same trace (EventTracing). Null when nothing was traced.
ALTER TABLE outbox_event ADD COLUMN trace_parent text;
