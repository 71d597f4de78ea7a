-- Custom SQL migration file, put your code below! --
-- Hand-written: fill the column 0006 added, for the rows that existed before it.
UPDATE "tokens" SET "market_segment" = CASE WHEN "symbol" IN ('USDC', 'USDT', 'DAI') THEN 'stablecoin' ELSE 'layer1' END
WHERE "market_segment" IS NULL;
