/**
 * The lint: findings about pending migrations that would lock, rewrite or break a table in production, each with a
 * stable rule id, the file and line, a message and the fix.
 *
 * <p>Start at {@link dev.migrator.engine.lint.Linter}. The rules and their texts are in
 * {@link dev.migrator.engine.lint.Rule}; which statements each rule looks at is in the check named after the
 * statement: {@code TableChecks} ({@code CREATE/DROP TABLE}), {@code IndexCheck}, {@code AlterTableChecks} with
 * {@code ColumnDefinition}, {@code BackfillCheck} ({@code UPDATE/DELETE}) and {@code EnumCheck}. Statements are read
 * as tokens ({@code Lexer}), not parsed: a statement no check recognises is skipped. What the database knows comes
 * from {@link dev.migrator.engine.lint.DatabaseFacts}; the comments that silence a finding are read by
 * {@link dev.migrator.engine.lint.Suppressions}; {@link dev.migrator.engine.lint.LintSettings} holds
 * {@code migrator.lint.*}.
 */
package dev.migrator.engine.lint;
