package dev.migrator.engine;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4), written out here for the one place it is hot: hashing every migration file at every start.
 * {@link #newDigest()} is how the engine gets a SHA-256 digest.
 *
 * <p>The JDK's own implementation is fast once the JIT has compiled it into its CPU-instruction intrinsic, but until
 * then it runs interpreted, through small method calls per round. A JVM whose pool logged in to PostgreSQL with SCRAM
 * has compiled it (the login runs thousands of SHA-256 blocks); one let in without a password, or one that has not
 * connected yet, has not. Measured in fresh JVMs, hashing the benchmark's 1000 files (583 KiB): 37-53 ms through the
 * JDK's digest not yet compiled, 10-19 ms with this class; compiled and warm, 0.4 ms with the JDK's and 2.9 ms with
 * this class. So {@link #newDigest()} digests one kibibyte with the JDK's first and keeps it when that took
 * compiled time, else returns this class (that first digest also loads the JDK's security providers, which a JVM
 * loads anyway when it connects to PostgreSQL). Either way the digest is the same: {@code Sha256Tests} compares this
 * class with the JDK's for inputs of every length around the block size, fed whole, in pieces and byte by byte.
 */
final class Sha256 extends MessageDigest implements Cloneable {

	/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
	private static final int[] K = { 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
			0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
			0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
			0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
			0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
			0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c,
			0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
			0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2 };

	private static final int BLOCK = 64;

	/** What the JDK's digest is timed on: a kibibyte, sixteen blocks. */
	private static final byte[] PROBE = new byte[1024];

	/**
	 * Above this, the JDK's digest of {@link #PROBE} ran interpreted: measured after a pool had opened, 2-25 us where
	 * SCRAM logins had compiled it, 340-1250 us where they had not (the first includes loading its classes).
	 */
	private static final long COMPILED_NANOS = 100_000;

	/** Whether the JDK's digest has been seen compiled; the JIT does not take that back. */
	private static volatile boolean jdkCompiled;

	private int[] state = new int[8];

	private int[] schedule = new int[64];

	/** Bytes of an unfinished block. */
	private byte[] pending = new byte[BLOCK];

	private int pendingLength;

	private long length;

	Sha256() {
		super("SHA-256");
		engineReset();
	}

	/**
	 * A new SHA-256 digest: the JDK's where this JVM has compiled it, else one of this class.
	 * @return a digest to feed and finish
	 */
	static MessageDigest newDigest() {
		MessageDigest jdk;
		try {
			jdk = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			return new Sha256();
		}
		if (jdkCompiled || runsCompiled(jdk)) {
			jdkCompiled = true;
			return jdk;
		}
		return new Sha256();
	}

	/**
	 * Whether a digest runs compiled: times it on {@link #PROBE}, after which it is reset.
	 * @param digest the digest to time
	 * @return {@code true} when it took less than {@link #COMPILED_NANOS}
	 */
	static boolean runsCompiled(MessageDigest digest) {
		long started = System.nanoTime();
		digest.digest(PROBE);
		return System.nanoTime() - started < COMPILED_NANOS;
	}

	@Override
	protected int engineGetDigestLength() {
		return 32;
	}

	@Override
	protected void engineUpdate(byte input) {
		this.pending[this.pendingLength++] = input;
		this.length++;
		if (this.pendingLength == BLOCK) {
			compress(this.pending, 0);
			this.pendingLength = 0;
		}
	}

	@Override
	protected void engineUpdate(byte[] input, int offset, int count) {
		this.length += count;
		int from = offset;
		int left = count;
		if (this.pendingLength > 0) {
			int taken = Math.min(BLOCK - this.pendingLength, left);
			System.arraycopy(input, from, this.pending, this.pendingLength, taken);
			this.pendingLength += taken;
			from += taken;
			left -= taken;
			if (this.pendingLength < BLOCK) {
				return;
			}
			compress(this.pending, 0);
			this.pendingLength = 0;
		}
		for (; left >= BLOCK; from += BLOCK, left -= BLOCK) {
			compress(input, from);
		}
		System.arraycopy(input, from, this.pending, 0, left);
		this.pendingLength = left;
	}

	@Override
	protected byte[] engineDigest() {
		long bits = this.length << 3;
		this.pending[this.pendingLength++] = (byte) 0x80;
		if (this.pendingLength > BLOCK - 8) {
			Arrays.fill(this.pending, this.pendingLength, BLOCK, (byte) 0);
			compress(this.pending, 0);
			this.pendingLength = 0;
		}
		Arrays.fill(this.pending, this.pendingLength, BLOCK - 8, (byte) 0);
		for (int i = 0; i < 8; i++) {
			this.pending[BLOCK - 8 + i] = (byte) (bits >>> (56 - 8 * i));
		}
		compress(this.pending, 0);
		byte[] digest = new byte[32];
		for (int i = 0; i < 8; i++) {
			int word = this.state[i];
			digest[4 * i] = (byte) (word >>> 24);
			digest[4 * i + 1] = (byte) (word >>> 16);
			digest[4 * i + 2] = (byte) (word >>> 8);
			digest[4 * i + 3] = (byte) word;
		}
		engineReset();
		return digest;
	}

	@Override
	protected int engineDigest(byte[] output, int offset, int length) throws DigestException {
		// checked before finishing, so that a digest given too little room keeps what it was fed, as the JDK's does
		// (MessageDigest.digest has checked that offset and length lie within the output)
		if (length < 32) {
			throw new DigestException("SHA-256 needs 32 bytes of room, given " + length);
		}
		System.arraycopy(engineDigest(), 0, output, offset, 32);
		return 32;
	}

	@Override
	public Object clone() throws CloneNotSupportedException {
		Sha256 copy = (Sha256) super.clone();
		copy.state = this.state.clone();
		copy.schedule = new int[64];
		copy.pending = this.pending.clone();
		return copy;
	}

	@Override
	protected void engineReset() {
		// the first 32 bits of the fractional parts of the square roots of the first 8 primes
		this.state[0] = 0x6a09e667;
		this.state[1] = 0xbb67ae85;
		this.state[2] = 0x3c6ef372;
		this.state[3] = 0xa54ff53a;
		this.state[4] = 0x510e527f;
		this.state[5] = 0x9b05688c;
		this.state[6] = 0x1f83d9ab;
		this.state[7] = 0x5be0cd19;
		this.pendingLength = 0;
		this.length = 0;
	}

	/**
	 * One block. Rotations are written as shifts, not {@code Integer.rotateRight}, and the working variables are
	 * locals: an interpreted method call per rotation is most of what makes the JDK's version slow in a fresh JVM.
	 */
	private void compress(byte[] block, int offset) {
		int[] w = this.schedule;
		for (int t = 0, at = offset; t < 16; t++, at += 4) {
			w[t] = (block[at] << 24) | ((block[at + 1] & 0xff) << 16) | ((block[at + 2] & 0xff) << 8)
					| (block[at + 3] & 0xff);
		}
		for (int t = 16; t < 64; t++) {
			int x = w[t - 2];
			int y = w[t - 15];
			int sigma1 = ((x >>> 17) | (x << 15)) ^ ((x >>> 19) | (x << 13)) ^ (x >>> 10);
			int sigma0 = ((y >>> 7) | (y << 25)) ^ ((y >>> 18) | (y << 14)) ^ (y >>> 3);
			w[t] = sigma1 + w[t - 7] + sigma0 + w[t - 16];
		}
		int[] h = this.state;
		int a = h[0];
		int b = h[1];
		int c = h[2];
		int d = h[3];
		int e = h[4];
		int f = h[5];
		int g = h[6];
		int hh = h[7];
		for (int t = 0; t < 64; t++) {
			int sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
			int t1 = hh + sum1 + ((e & f) ^ (~e & g)) + K[t] + w[t];
			int sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
			int t2 = sum0 + ((a & b) ^ (a & c) ^ (b & c));
			hh = g;
			g = f;
			f = e;
			e = d + t1;
			d = c;
			c = b;
			b = a;
			a = t1 + t2;
		}
		h[0] += a;
		h[1] += b;
		h[2] += c;
		h[3] += d;
		h[4] += e;
		h[5] += f;
		h[6] += g;
		h[7] += hh;
	}

}
