-- Custom SQL migration file, put your code below! --
-- Hand-written: an expression index drizzle-kit does not generate, for lookups by Etherscan contract address.
CREATE INDEX "tokens_etherscan_contract_idx" ON "tokens" (((provider_metadata->'etherscan'->>'contractAddress')))
WHERE (provider_metadata->'etherscan'->>'contractAddress') IS NOT NULL;
