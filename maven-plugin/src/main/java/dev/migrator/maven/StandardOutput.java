package dev.migrator.maven;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Output meant for a tool (JSON, GitHub workflow commands): printed as it is, without Maven's log prefixes. */
final class StandardOutput {

	private StandardOutput() {
	}

	/** A writer on standard output that closing leaves open. */
	static Writer writer() {
		return new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {

			@Override
			public void close() {
				try {
					flush();
				}
				catch (java.io.IOException ex) {
					// standard output is gone; nothing to report it on
				}
			}

		};
	}

}
