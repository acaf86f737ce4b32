-- A bounded datagen table: a sequence id and random values within bounds.
CREATE TABLE IF NOT EXISTS readings (
  id BIGINT,
  sensor INT,
  reading DOUBLE
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '1000',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '1000',
  'fields.sensor.min' = '1',
  'fields.sensor.max' = '4',
  'fields.reading.min' = '0',
  'fields.reading.max' = '100'
);

SET 'parallelism.default' = '2';

SELECT COUNT(*) AS n, MIN(id) AS first_id, MAX(id) AS last_id, SUM(id) AS id_sum,
       MIN(sensor) >= 1 AND MAX(sensor) <= 4 AS sensors_in_range,
       MIN(reading) >= 0 AND MAX(reading) <= 100 AS readings_in_range
FROM readings
