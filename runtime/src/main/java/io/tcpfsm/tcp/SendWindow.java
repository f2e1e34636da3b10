package io.tcpfsm.tcp;

/**
 * A read-only copy of the send window as the TCB holds it (RFC 9293 3.3.1): SND.WND in bytes
 * (already scaled, RFC 7323 2.3) and SND.WL1/SND.WL2, the SEG.SEQ and SEG.ACK of the segment that
 * last updated it. Nothing in the runtime's behaviour shows WL1 and WL2 until a later segment is
 * judged old or new by them (RFC 9293 3.10.7.4, fifth step), so tests and diagnostics read them here.
 */
public record SendWindow(long wnd, long wl1, long wl2) {}
