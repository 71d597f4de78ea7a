package dev.migrator.engine.lint;

import java.util.List;

import dev.migrator.engine.SqlStatement;
import dev.migrator.engine.StatementSplitter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LexerTests {

	private static List<Token> tokens(String sql) {
		List<SqlStatement> statements = StatementSplitter.split("t.sql", sql);
		return Lexer.tokens(statements.get(statements.size() - 1));
	}

	@Test
	void wordsAreUpperCasedAndIdentifiersFoldedAsPostgresDoes() {
		List<Token> tokens = tokens("alter TABLE \"Public\".Orders add \"Col\"\"x\" int");
		assertThat(tokens).extracting(Token::kind, Token::value)
			.containsExactly(tuple(Token.Kind.WORD, "ALTER"), tuple(Token.Kind.WORD, "TABLE"),
					tuple(Token.Kind.QUOTED_IDENTIFIER, "Public"), tuple(Token.Kind.SYMBOL, "."),
					tuple(Token.Kind.WORD, "ORDERS"), tuple(Token.Kind.WORD, "ADD"),
					tuple(Token.Kind.QUOTED_IDENTIFIER, "Col\"x"), tuple(Token.Kind.WORD, "INT"));
		assertThat(tokens.get(4).identifier()).isEqualTo("orders");
		assertThat(tokens.get(2).identifier()).isEqualTo("Public");
	}

	@Test
	void stringsCommentsAndDollarBodiesAreSingleTokensOrNothing() {
		List<Token> tokens = tokens("SELECT 'it''s', E'a\\'b', $fn$ DROP TABLE x; $fn$, $1"
				+ " /* outer /* inner */ still */ -- trailing\n::text");
		assertThat(tokens).extracting(Token::kind, Token::value)
			.containsExactly(tuple(Token.Kind.WORD, "SELECT"), tuple(Token.Kind.STRING, "it's"),
					tuple(Token.Kind.SYMBOL, ","), tuple(Token.Kind.STRING, "a'b"), tuple(Token.Kind.SYMBOL, ","),
					tuple(Token.Kind.DOLLAR_STRING, " DROP TABLE x; "), tuple(Token.Kind.SYMBOL, ","),
					tuple(Token.Kind.PARAMETER, "$1"), tuple(Token.Kind.SYMBOL, "::"), tuple(Token.Kind.WORD, "TEXT"));
	}

	@Test
	void operatorsAreGroupedAndNumbersKept() {
		assertThat(tokens("SELECT meta->>'k', 1.5e3, a<>b")).extracting(Token::text)
			.containsExactly("SELECT", "meta", "->>", "'k'", ",", "1.5e3", ",", "a", "<>", "b");
	}

	@Test
	void tokensCarryTheirLineAndColumnInTheFile() {
		List<Token> tokens = tokens("SELECT 1;\n  CREATE INDEX i\n\tON t (c);");
		assertThat(tokens).extracting(Token::text, Token::line, Token::column)
			.startsWith(tuple("CREATE", 2, 3), tuple("INDEX", 2, 10), tuple("i", 2, 16), tuple("ON", 3, 2));
	}

	@Test
	void unclosedPartsEndAtTheEndInsteadOfFailing() {
		SqlStatement statement = new SqlStatement(1, "SELECT 'open /* x", 1, 1, List.of("SELECT"));
		assertThat(Lexer.tokens(statement)).extracting(Token::kind)
			.containsExactly(Token.Kind.WORD, Token.Kind.STRING);
	}

}
