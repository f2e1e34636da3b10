package io.tcpfsm.capture;

/** Integers in either byte order, for formats whose writer's order is read from a magic number. */
final class Bytes {
  private Bytes() {}

  static int u16(byte[] b, int i, boolean le) {
    return le ? (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) : ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  static int i32(byte[] b, int i, boolean le) {
    return le
        ? (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16) | ((b[i + 3] & 0xFF) << 24)
        : ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }

  static long u32(byte[] b, int i, boolean le) {
    return Integer.toUnsignedLong(i32(b, i, le));
  }

  static long i64(byte[] b, int i, boolean le) {
    return le ? u32(b, i, true) | ((long) i32(b, i + 4, true) << 32) : ((long) i32(b, i, false) << 32) | u32(b, i + 4, false);
  }

  static void putU16(byte[] b, int i, int v, boolean le) {
    if (le) {
      b[i] = (byte) v;
      b[i + 1] = (byte) (v >>> 8);
    } else {
      b[i] = (byte) (v >>> 8);
      b[i + 1] = (byte) v;
    }
  }

  static void putI32(byte[] b, int i, int v, boolean le) {
    if (le) {
      b[i] = (byte) v;
      b[i + 1] = (byte) (v >>> 8);
      b[i + 2] = (byte) (v >>> 16);
      b[i + 3] = (byte) (v >>> 24);
    } else {
      b[i] = (byte) (v >>> 24);
      b[i + 1] = (byte) (v >>> 16);
      b[i + 2] = (byte) (v >>> 8);
      b[i + 3] = (byte) v;
    }
  }
}
