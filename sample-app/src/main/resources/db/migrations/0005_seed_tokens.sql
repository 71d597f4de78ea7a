-- Custom SQL migration file, put your code below! --
-- Hand-written: reference data the API needs.
INSERT INTO "tokens" ("symbol", "name", "chain", "contract_address", "provider_metadata") VALUES
  ('ETH', 'Ether', 'ethereum', NULL, '{"coingecko": {"id": "ethereum"}}'),
  ('USDC', 'USD Coin', 'ethereum', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
   '{"etherscan": {"contractAddress": "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"}, "coingecko": {"id": "usd-coin"}}'),
  ('SOL', 'Solana', 'solana', NULL, '{"coingecko": {"id": "solana"}}');
