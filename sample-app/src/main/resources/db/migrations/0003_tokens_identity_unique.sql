-- Custom SQL migration file, put your code below! --
-- Hand-written: one token per (chain, contract address, symbol); native coins have no contract address, so NULL
-- is folded to '' to make them unique too.
CREATE UNIQUE INDEX "tokens_identity_unique" ON "tokens" ("chain", COALESCE("contract_address", ''), "symbol");
