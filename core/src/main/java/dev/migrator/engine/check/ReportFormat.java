package dev.migrator.engine.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a {@link CheckReport} is printed: for people, as JSON for tools, or as GitHub Actions workflow commands, which
 * GitHub shows as annotations on the pull request's lines. File paths are the folder as the user named it joined with
 * the file, so that they are relative to the repository when the folder is.
 */
public enum ReportFormat {

	/** {@code error[rule] path:line: message} and an indented fix, then a summary line. */
	TEXT {
		@Override
		public List<String> render(CheckReport report, String folder) {
			List<String> lines = new ArrayList<>();
			for (CheckFinding finding : report.findings()) {
				lines.add(finding.severity().label() + "[" + finding.rule() + "] " + path(folder, finding) + ":"
						+ finding.line() + ": " + finding.message());
				lines.add("  fix: " + finding.fix());
			}
			lines.add(report.errors() + " error(s), " + report.warnings() + " warning(s) in " + folder
					+ (report.passed() ? "" : ": the check fails"));
			return lines;
		}
	},

	/** One JSON object: the counts and every finding. */
	JSON {
		@Override
		public List<String> render(CheckReport report, String folder) {
			ObjectNode root = CheckJson.MAPPER.createObjectNode()
				.put("location", report.location())
				.put("passed", report.passed())
				.put("errors", report.errors())
				.put("warnings", report.warnings());
			ArrayNode findings = root.putArray("findings");
			for (CheckFinding finding : report.findings()) {
				findings.addObject()
					.put("rule", finding.rule())
					.put("severity", finding.severity().label())
					.put("file", path(folder, finding))
					.put("line", finding.line())
					.put("message", finding.message())
					.put("fix", finding.fix());
			}
			return List.of(CheckJson.MAPPER.writeValueAsString(root));
		}
	},

	/** {@code ::error file=path,line=n,title=rule::message Fix: fix}, one line per finding. */
	GITHUB {
		@Override
		public List<String> render(CheckReport report, String folder) {
			List<String> lines = new ArrayList<>();
			for (CheckFinding finding : report.findings()) {
				String command = finding.error() ? "error" : "warning";
				lines.add("::" + command + " file=" + property(path(folder, finding)) + ",line=" + finding.line()
						+ ",title=" + property("migrator " + finding.rule()) + "::"
						+ data(finding.message() + ". Fix: " + finding.fix()));
			}
			return lines;
		}
	};

	/**
	 * The report as lines.
	 * @param report the report
	 * @param folder the migrations folder as the user named it, such as {@code drizzle}
	 * @return the lines to print
	 */
	public abstract List<String> render(CheckReport report, String folder);

	/** The finding's file joined with the folder, without {@code ./} segments. */
	static String path(String folder, CheckFinding finding) {
		String joined = finding.file().equals(CheckFinding.FOLDER) ? folder : folder + "/" + finding.file();
		String normal = Path.of(joined).normalize().toString().replace('\\', '/');
		return normal.isEmpty() ? "." : normal;
	}

	/** A workflow command's message: {@code %}, CR and LF escaped, as GitHub documents. */
	private static String data(String text) {
		return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
	}

	/** A workflow command's property value: also {@code :} and {@code ,} escaped. */
	private static String property(String text) {
		return data(text).replace(":", "%3A").replace(",", "%2C");
	}

}
