package dev.migrator.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the {@code %XX} escapes of one part of a URL as UTF-8. Unlike {@link java.net.URLDecoder} it leaves
 * {@code +} alone: in the user and password of a {@code postgres://} URL a plus sign is a plus sign, as libpq reads it.
 */
final class PercentDecoder {

	private PercentDecoder() {
	}

	/**
	 * Decodes a part of a URL.
	 * @param part the raw text
	 * @param what which part of which URL, for the error message (never the value: it may be a password)
	 * @return the decoded text
	 * @throws UsageException when an escape is not {@code %} and two hex digits or the bytes are not UTF-8
	 */
	static String decode(String part, String what) {
		if (part.indexOf('%') < 0) {
			return part;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c != '%') {
				byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				if (Character.isHighSurrogate(c) && i + 1 < part.length()) {
					plain = part.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
					i++;
				}
				bytes.writeBytes(plain);
				continue;
			}
			int high = (i + 2 < part.length()) ? Character.digit(part.charAt(i + 1), 16) : -1;
			int low = (high >= 0) ? Character.digit(part.charAt(i + 2), 16) : -1;
			if (low < 0) {
				throw new UsageException("The " + what + " has a '%' that is not followed by two hex digits: write a"
						+ " literal '%' as %25");
			}
			bytes.write(high * 16 + low);
			i += 2;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
		}
		catch (CharacterCodingException ex) {
			throw new UsageException("The " + what + " has %-escapes that are not UTF-8");
		}
	}

}
