CREATE TABLE "holdings" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_id" integer NOT NULL,
	"owner" text NOT NULL,
	"quantity" numeric(38, 18) NOT NULL,
	"acquired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"symbol" text NOT NULL,
	"name" text NOT NULL,
	"chain" text NOT NULL,
	"contract_address" text,
	"provider_metadata" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "holdings" ADD CONSTRAINT "holdings_token_id_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."tokens"("id") ON DELETE no action ON UPDATE no action;