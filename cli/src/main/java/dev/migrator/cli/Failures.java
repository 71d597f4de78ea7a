package dev.migrator.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrator.engine.MigratorException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong into the exit code and the lines on standard error: 1 and the engine's message and action
 * (the text the starter's failure analysis shows) for a migration, validation, lock or database failure; 2 and a
 * pointer to {@code --help} for a usage or configuration error. A password given on the command line is masked in
 * whatever picocli echoes back.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)[^@\\s]*@");

	@Override
	public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
		PrintWriter err = command.getErr();
		if (ex instanceof MigratorException failure) {
			err.println("error: " + failure.getMessage());
			err.println("action: " + failure.action());
			err.flush();
			return FAILED;
		}
		if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
			err.println("error: " + ex.getMessage());
			err.println(helpHint(command));
			err.flush();
			return USAGE;
		}
		err.println("error: " + ex);
		ex.printStackTrace(err);
		err.flush();
		return FAILED;
	}

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine command = ex.getCommandLine();
		PrintWriter err = command.getErr();
		err.println("error: " + mask(ex.getMessage(), args));
		UnmatchedArgumentException.printSuggestions(ex, err);
		err.println(helpHint(command));
		err.flush();
		return USAGE;
	}

	private static String helpHint(CommandLine command) {
		return "Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options and examples.";
	}

	/**
	 * Hides the value after any argument that looks like a password option ({@code --password}, or a misspelling such
	 * as {@code --pasword}) and the password of any URL.
	 */
	static String mask(String message, String[] args) {
		List<String> secrets = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("--pa") || arg.startsWith("--pw")) {
				int equals = arg.indexOf('=');
				if (equals > 0) {
					secrets.add(arg.substring(equals + 1));
				}
				else if (i + 1 < args.length) {
					secrets.add(args[i + 1]);
				}
			}
		}
		String masked = URL_PASSWORD.matcher(String.valueOf(message)).replaceAll("$1****@");
		for (String secret : secrets) {
			if (!secret.isEmpty()) {
				masked = masked.replace(secret, "****");
			}
		}
		return masked;
	}

}
