-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q4 as a SELECT: the average final price per category, a GROUP BY over the updating result of a GROUP BY
-- (each auction's highest bid so far): in streaming, a better bid retracts its auction's old price from the average.
SELECT Q.category, AVG(Q.final) AS avg_final
FROM (
  SELECT MAX(B.price) AS final, A.category
  FROM auction A, bid B
  WHERE A.id = B.auction AND B.date_time BETWEEN A.date_time AND A.expires
  GROUP BY A.id, A.category
) Q
GROUP BY Q.category
