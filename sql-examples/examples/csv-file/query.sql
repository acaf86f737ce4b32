-- A CSV file read with the filesystem connector. Paths are relative to where the server runs
-- (the repository root for bin/weir) and must lie under 'filesystem.allowed-roots'.
CREATE TABLE IF NOT EXISTS stations (
  id INT,
  name STRING,
  lat DOUBLE,
  lon DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = 'sql-examples/examples/csv-file/stations.csv',
  'format' = 'csv'
);

SELECT id, name, lat IS NULL AS missing_lat, ROUND(lon, 1) AS lon
FROM stations
ORDER BY id
