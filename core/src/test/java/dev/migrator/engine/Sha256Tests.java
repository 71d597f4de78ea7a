package dev.migrator.engine;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The engine's SHA-256 gives the JDK's digests, however the bytes are fed to it. */
class Sha256Tests {

	@Test
	void givesTheStandardsTestVectors() {
		assertThat(hex(new Sha256().digest(new byte[0])))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(hex(new Sha256().digest("abc".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(hex(new Sha256().digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
			.getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	}

	@Test
	void givesTheJdksDigestForEveryLengthAroundTheBlockSizeFedWholeInPiecesAndByteByByte() throws Exception {
		MessageDigest jdk = MessageDigest.getInstance("SHA-256");
		MessageDigest own = new Sha256();
		Random random = new Random(16);
		for (int length = 0; length <= 300; length++) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			String expected = hex(jdk.digest(bytes));
			assertThat(hex(own.digest(bytes))).as("whole, %d bytes", length).isEqualTo(expected);
			int split = random.nextInt(length + 1);
			int second = split + random.nextInt(length - split + 1);
			own.update(bytes, 0, split);
			own.update(bytes, split, second - split);
			own.update(bytes, second, length - second);
			assertThat(hex(own.digest())).as("in three pieces, %d bytes", length).isEqualTo(expected);
			for (byte b : bytes) {
				own.update(b);
			}
			assertThat(hex(own.digest())).as("byte by byte, %d bytes", length).isEqualTo(expected);
		}
	}

	@Test
	void givesTheJdksDigestForLargeInputsReadThroughABuffer() throws Exception {
		Random random = new Random(3);
		for (int length : new int[] { 8191, 8192, 8193, 100_000, 1_000_003 }) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			MessageDigest own = new Sha256();
			for (int from = 0; from < length; from += 8192) {
				own.update(bytes, from, Math.min(8192, length - from));
			}
			assertThat(hex(own.digest())).as("%d bytes", length)
				.isEqualTo(hex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		}
	}

	@Test
	void resetDropsWhatWasFedAndTheLengthIsThirtyTwoBytes() {
		MessageDigest own = new Sha256();
		own.update("not part of it".getBytes(StandardCharsets.US_ASCII));
		own.reset();
		assertThat(hex(own.digest("abc".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(own.getDigestLength()).isEqualTo(32);
		assertThat(own.getAlgorithm()).isEqualTo("SHA-256");
	}

	@Test
	void theJdksDigestIsTakenOnceItIsCompiledAndEitherGivesTheSameDigest() throws Exception {
		byte[] bytes = "SELECT 1;\n".getBytes(StandardCharsets.US_ASCII);
		String expected = hex(MessageDigest.getInstance("SHA-256").digest(bytes));
		assertThat(hex(Sha256.newDigest().digest(bytes))).isEqualTo(expected);
		MessageDigest jdk = MessageDigest.getInstance("SHA-256");
		byte[] mebibyte = new byte[1 << 20];
		for (int i = 0; i < 64; i++) {
			jdk.update(mebibyte);
		}
		jdk.digest();
		// the machine can slow a probe down, never speed it up: one of a few is enough to see the compiled digest
		boolean compiled = false;
		for (int attempt = 0; attempt < 20 && !compiled; attempt++) {
			compiled = Sha256.runsCompiled(jdk);
		}
		assertThat(compiled).isTrue();
		MessageDigest chosen = Sha256.newDigest();
		for (int attempt = 1; attempt < 20 && chosen instanceof Sha256; attempt++) {
			chosen = Sha256.newDigest();
		}
		assertThat(chosen).isNotInstanceOf(Sha256.class);
		assertThat(hex(chosen.digest(bytes))).isEqualTo(expected);
	}

	@Test
	void aDigestSlowerThanCompiledCodeIsNotTakenForCompiled() {
		// a digest as slow as the JDK's interpreted one (one that has been 340 us and more per kibibyte)
		MessageDigest slow = new MessageDigest("slow") {

			@Override
			protected void engineUpdate(byte input) {
			}

			@Override
			protected void engineUpdate(byte[] input, int offset, int count) {
				long until = System.nanoTime() + 1_000_000;
				while (System.nanoTime() < until) {
					Thread.onSpinWait();
				}
			}

			@Override
			protected byte[] engineDigest() {
				return new byte[32];
			}

			@Override
			protected void engineReset() {
			}

		};
		assertThat(Sha256.runsCompiled(slow)).isFalse();
	}

	@Test
	void aCopyGoesOnFromWhereTheOriginalWasAndTooLittleRoomKeepsTheState() throws Exception {
		byte[] bytes = new byte[200];
		new Random(7).nextBytes(bytes);
		MessageDigest jdk = MessageDigest.getInstance("SHA-256");
		MessageDigest original = new Sha256();
		original.update(bytes, 0, 100);
		MessageDigest copy = (MessageDigest) original.clone();
		copy.update(bytes, 100, 100);
		original.update(new byte[] { 1, 2, 3 });
		assertThat(hex(copy.digest())).isEqualTo(hex(jdk.digest(bytes)));
		jdk.update(bytes, 0, 100);
		jdk.update(new byte[] { 1, 2, 3 });
		assertThat(hex(original.digest())).isEqualTo(hex(jdk.digest()));
		copy.update(bytes);
		assertThatExceptionOfType(DigestException.class).isThrownBy(() -> copy.digest(new byte[40], 9, 31));
		byte[] out = new byte[40];
		assertThat(copy.digest(out, 8, 32)).isEqualTo(32);
		assertThat(hex(Arrays.copyOfRange(out, 8, 40))).isEqualTo(hex(jdk.digest(bytes)));
	}

	private static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

}
