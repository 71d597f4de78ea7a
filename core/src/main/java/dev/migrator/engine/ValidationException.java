package dev.migrator.engine;

import java.util.List;

/** The database and the journal disagree in a way the chosen policies do not allow; nothing was applied. */
public class ValidationException extends MigratorException {

	private final List<String> problems;

	public ValidationException(List<String> problems, String action) {
		super(problems.size() == 1 ? problems.get(0)
				: problems.size() + " problems:\n - " + String.join("\n - ", problems), action);
		this.problems = List.copyOf(problems);
	}

	/** Each problem, one sentence naming the migration. */
	public List<String> problems() {
		return this.problems;
	}

}
