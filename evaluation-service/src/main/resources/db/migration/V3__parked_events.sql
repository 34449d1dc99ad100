-- Unreadable events are parked the way every planeval consumer parks them: in parked_event (service-support).
INSERT INTO parked_event (topic, partition, "offset", event_id, message_key, payload, reason, attempts, parked_at)
SELECT topic, partition, "offset", event_id, message_key, convert_to(payload, 'UTF8'), reason, 1, received_at
FROM dead_letter_event
ON CONFLICT DO NOTHING;

DROP TABLE dead_letter_event;
